// Adds the toBeAccessible() matcher (axe-core rules) to every component test.
const { registerSa11yMatcher } = require('@sa11y/jest');

registerSa11yMatcher();
