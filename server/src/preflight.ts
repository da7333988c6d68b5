/**
 * Imported first by every entry point (service, demo, recompute): on a Node.js older than the
 * project supports, say so in one line and stop, before a dependency fails in an obscure way
 * (jsforce's HTTP client, undici, crashes at load time on Node 20). Written without imports so
 * that it runs before anything else is loaded.
 */
export const REQUIRED_NODE = '22.19.0';

/** Null when `version` (e.g. "22.23.3") satisfies REQUIRED_NODE, else the one line to print. */
export function nodeVersionProblem(version: string, execPath: string): string | null {
  const [major, minor] = version.split('.').map(Number);
  const [needMajor, needMinor] = REQUIRED_NODE.split('.').map(Number);
  if (major > needMajor || (major === needMajor && minor >= needMinor)) return null;
  return (
    `Quorum needs Node.js >= ${REQUIRED_NODE}, but this is Node.js ${version} (${execPath}). ` +
    'Run it through npm (npm run demo / npm start / npm test use the Node 22 that `npm install` puts in node_modules/.bin), ' +
    'or install Node.js 22 LTS and run it with that.'
  );
}

const problem = nodeVersionProblem(process.versions.node, process.execPath);
if (problem) {
  console.error(problem);
  process.exit(2);
}
