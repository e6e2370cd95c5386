// Runs before `npm start`, `npm run dev` and `npm test`, in plain JavaScript so that it works on any Node:
// Qyzmet targets Node.js 24 LTS (.nvmrc, package.json "engines"); older ones stop here with what to do.
const [major] = process.versions.node.split('.').map(Number);
if (major < 22) {
  console.error(
    `Qyzmet needs Node.js 24 LTS (see .nvmrc), and this is Node.js ${process.versions.node}. ` +
      'Install Node.js 24 (for example `nvm install` in this folder, which reads .nvmrc) and run the command again.',
  );
  process.exit(1);
}
