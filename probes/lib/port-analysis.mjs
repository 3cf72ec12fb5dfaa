// Where does the port given to listen() come from? Follows the value back through variables,
// Number()/parseInt(), `||`/`??` defaults, destructuring from process.env and config objects,
// far enough to name the line of a literal port (`server.listen(3000)`, `const PORT = 3000`).
// Only hints: the runs decide pass or fail; this says which line to look at.
import { envName, isProcessEnv, numberValue, position, propertyName, walk } from './ast.mjs';

const CONVERTERS = new Set(['Number', 'parseInt', 'parseFloat', 'String']);

/** name → what was assigned to it anywhere in the file (scope is ignored on purpose: it is a hint). */
export function collectBindings(ast) {
  const bindings = new Map();
  const add = (name, binding) => bindings.set(name, [...(bindings.get(name) ?? []), binding]);
  walk(ast, (node) => {
    if (node.type === 'VariableDeclarator' && node.init) {
      if (node.id.type === 'Identifier') add(node.id.name, { node: node.init });
      else if (node.id.type === 'ObjectPattern') {
        for (const prop of node.id.properties) {
          if (prop.type !== 'Property') continue;
          const key = propertyName(prop.key, prop.computed);
          const target = prop.value.type === 'AssignmentPattern' ? prop.value.left : prop.value;
          const fallback = prop.value.type === 'AssignmentPattern' ? prop.value.right : undefined;
          if (!key || target.type !== 'Identifier') continue;
          add(target.name, isProcessEnv(node.init) ? { env: key, fallback, node: prop } : { from: node.init, key, fallback });
        }
      }
    } else if (node.type === 'AssignmentExpression' && node.operator === '=' && node.left.type === 'Identifier') {
      add(node.left.name, { node: node.right });
    }
  });
  return bindings;
}

/**
 * Classifies an expression used as a port:
 *   { kind: 'literal', port, node } | { kind: 'env', name, node, fallback? } | { kind: 'random' } | { kind: 'unknown', fallback? }
 * where fallback is itself a literal classification (the `5000` in `process.env.PORT ?? 5000`).
 */
export function classifyPort(expr, bindings, seen = new Set()) {
  if (!expr) return { kind: 'random' };
  const value = numberValue(expr);
  if (value !== undefined) return value === 0 ? { kind: 'random' } : { kind: 'literal', port: value, node: expr };
  const env = envName(expr);
  if (env) return { kind: 'env', name: env, node: expr };
  switch (expr.type) {
    case 'Identifier': {
      if (expr.name === 'undefined') return { kind: 'random' };
      if (seen.has(expr.name)) return { kind: 'unknown' };
      const next = new Set(seen).add(expr.name);
      const found = (bindings.get(expr.name) ?? []).map((binding) => fromBinding(binding, bindings, next));
      return found.find((c) => c.kind === 'literal') ?? found.find((c) => c.kind !== 'unknown') ?? found[0] ?? { kind: 'unknown' };
    }
    case 'CallExpression': {
      const callee = expr.callee.type === 'MemberExpression' ? propertyName(expr.callee.property, expr.callee.computed) : expr.callee.name;
      return CONVERTERS.has(callee) ? classifyPort(expr.arguments[0], bindings, seen) : { kind: 'unknown' };
    }
    case 'UnaryExpression':
      return expr.operator === '+' ? classifyPort(expr.argument, bindings, seen) : { kind: 'unknown' };
    case 'AwaitExpression':
    case 'ParenthesizedExpression':
      return classifyPort(expr.argument ?? expr.expression, bindings, seen);
    case 'LogicalExpression': {
      const left = classifyPort(expr.left, bindings, seen);
      const right = classifyPort(expr.right, bindings, seen);
      if (left.kind === 'env') return { ...left, fallback: literalOnly(right) ?? left.fallback };
      if (left.kind === 'literal') return left;
      if (right.kind === 'env') return right;
      return { kind: 'unknown', fallback: literalOnly(right) };
    }
    case 'ConditionalExpression': {
      const options = [classifyPort(expr.consequent, bindings, seen), classifyPort(expr.alternate, bindings, seen)];
      const env = options.find((c) => c.kind === 'env');
      return env ? { ...env, fallback: env.fallback ?? literalOnly(options.find((c) => c !== env)) } : options.find((c) => c.kind === 'literal') ?? { kind: 'unknown' };
    }
    case 'ObjectExpression': {
      const prop = expr.properties.find((p) => p.type === 'Property' && propertyName(p.key, p.computed) === 'port');
      return prop ? classifyPort(prop.value, bindings, seen) : { kind: 'random' };
    }
    case 'MemberExpression': {
      const key = propertyName(expr.property, expr.computed);
      const object = expr.object.type === 'Identifier' ? objectLiteralOf(expr.object.name, bindings) : expr.object.type === 'ObjectExpression' ? expr.object : undefined;
      const prop = object?.properties.find((p) => p.type === 'Property' && propertyName(p.key, p.computed) === key);
      return prop ? classifyPort(prop.value, bindings, seen) : { kind: 'unknown' };
    }
    default:
      return { kind: 'unknown' };
  }
}

function fromBinding(binding, bindings, seen) {
  if (binding.env) {
    const fallback = binding.fallback ? literalOnly(classifyPort(binding.fallback, bindings, seen)) : undefined;
    return { kind: 'env', name: binding.env, node: binding.node, fallback };
  }
  if (binding.from) {
    const member = { type: 'MemberExpression', object: binding.from, property: { type: 'Identifier', name: binding.key }, computed: false };
    const found = classifyPort(member, bindings, seen);
    if (found.kind !== 'unknown') return found;
    const fallback = binding.fallback ? literalOnly(classifyPort(binding.fallback, bindings, seen)) : undefined;
    return fallback ? { kind: 'unknown', fallback } : found;
  }
  return classifyPort(binding.node, bindings, seen);
}

function literalOnly(classification) {
  return classification?.kind === 'literal' ? classification : undefined;
}

function objectLiteralOf(name, bindings) {
  return (bindings.get(name) ?? []).map((b) => b.node).find((node) => node?.type === 'ObjectExpression');
}

/**
 * Every place a port is chosen: `.listen(x)` calls and `new XServer({ port })` constructors.
 * @returns {{ call: object, arg: object|undefined, how: 'listen'|'constructor', port: ReturnType<typeof classifyPort> }[]}
 */
export function findPortChoices(ast, bindings) {
  const choices = [];
  walk(ast, (node) => {
    if (node.type === 'CallExpression' && node.callee.type === 'MemberExpression' && propertyName(node.callee.property, node.callee.computed) === 'listen') {
      const arg = node.arguments[0]?.type === 'FunctionExpression' || node.arguments[0]?.type === 'ArrowFunctionExpression' ? undefined : node.arguments[0];
      choices.push({ call: node, arg, how: 'listen', port: classifyPort(arg, bindings) });
    } else if (node.type === 'NewExpression' && node.arguments[0]?.type === 'ObjectExpression') {
      const options = node.arguments[0];
      const hasPort = options.properties.some((p) => p.type === 'Property' && propertyName(p.key, p.computed) === 'port');
      if (hasPort) choices.push({ call: node, arg: options, how: 'constructor', port: classifyPort(options, bindings) });
    }
  });
  return choices;
}

/** Where the code reads environment variables (`process.env.PORT`, `const { PORT } = process.env`). */
export function findEnvReads(ast) {
  const reads = [];
  walk(ast, (node) => {
    const name = envName(node);
    if (name) reads.push({ name, ...position(node) });
    if (node.type === 'VariableDeclarator' && node.id.type === 'ObjectPattern' && isProcessEnv(node.init)) {
      for (const prop of node.id.properties) {
        const key = prop.type === 'Property' ? propertyName(prop.key, prop.computed) : undefined;
        if (key) reads.push({ name: key, ...position(prop) });
      }
    }
  });
  return reads;
}
