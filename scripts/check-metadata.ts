// Placeholder until the metadata checks land (issue: foundation).
console.log('check-metadata: no checks yet');
