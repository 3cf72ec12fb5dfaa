// declares-server-dependency: every package the program imports that is not a Node built-in is
// declared in package.json "dependencies" — the app brings its own web server, declared, instead
// of relying on one someone installed next to it. Static: acorn reads imports and requires in
// the files reachable from the command's entry file.
import { packageImports } from '../lib/imports.mjs';
import { result } from '../lib/results.mjs';

export default {
  id: 'declares-server-dependency',
  kind: 'static',
  async check(ctx) {
    const { analysis, packageJson } = ctx;
    const broken = analysis.syntaxErrors[0];
    if (broken) {
      return result(this.id, 'fail', `${broken.file} has a syntax error (${broken.message}), so its imports cannot be read.`, { ...broken });
    }
    const used = packageImports(analysis.imports);
    const names = [...new Set(used.map((i) => i.name))];
    const steps = [`imports: ${analysis.imports.map((i) => i.specifier).join(', ') || '(none)'}`, `files read: ${analysis.files.join(', ') || '(none)'}`];
    if (names.length === 0) {
      return result(this.id, 'pass', 'It imports only Node built-ins and its own files, so there is nothing to declare.', { steps });
    }
    if (packageJson.error) return result(this.id, 'fail', `${packageJson.error}, so no dependency is declared.`, { file: 'package.json', steps });
    if (!packageJson.value) return result(this.id, 'fail', `It imports ${names.join(', ')}, but there is no package.json to declare ${names.length > 1 ? 'them' : 'it'} in.`, { steps, hint: 'Create package.json (npm init -y), then npm install the package.' });
    const declared = { ...packageJson.value.optionalDependencies, ...packageJson.value.dependencies };
    const dev = packageJson.value.devDependencies ?? {};
    steps.push(`package.json dependencies: ${Object.keys(packageJson.value.dependencies ?? {}).join(', ') || '(none)'}`);
    const missing = used.find((i) => !(i.name in declared));
    if (!missing) return result(this.id, 'pass', `Every package it imports (${names.join(', ')}) is declared in package.json dependencies.`, { steps });
    const onlyDev = missing.name in dev;
    const message = onlyDev
      ? `${missing.name} is only in devDependencies; a production install (npm ci --omit=dev) leaves it out, and the app cannot start. Move it to dependencies.`
      : `${missing.file}:${missing.line} imports ${missing.name}, but package.json does not declare it in dependencies. Relying on a package that merely happens to be installed is relying on the environment.`;
    return result(this.id, 'fail', message, {
      steps,
      expected: `"${missing.name}" in package.json dependencies`,
      file: missing.file,
      line: missing.line,
      column: missing.column,
      snippet: ctx.sources[missing.file]?.split('\n')[missing.line - 1]?.trim(),
      hint: `Run npm install ${missing.name} (it adds "${missing.name}" to dependencies).`,
    });
  },
};
