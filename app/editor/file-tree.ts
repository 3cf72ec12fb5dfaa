/** The lesson's paths as a tree: folders first, then files, each level in name order. Pure. */
export type TreeNode = { kind: 'folder'; name: string; path: string; children: TreeNode[] } | { kind: 'file'; name: string; path: string };

export function buildTree(paths: readonly string[]): TreeNode[] {
  const root: TreeNode[] = [];
  for (const path of paths) {
    const parts = path.split('/');
    let level = root;
    parts.forEach((name, index) => {
      const at = parts.slice(0, index + 1).join('/');
      if (index === parts.length - 1) {
        level.push({ kind: 'file', name, path: at });
        return;
      }
      let folder = level.find((node): node is Extract<TreeNode, { kind: 'folder' }> => node.kind === 'folder' && node.name === name);
      if (!folder) {
        folder = { kind: 'folder', name, path: at, children: [] };
        level.push(folder);
      }
      level = folder.children;
    });
  }
  return sortLevel(root);
}

function sortLevel(nodes: TreeNode[]): TreeNode[] {
  for (const node of nodes) if (node.kind === 'folder') sortLevel(node.children);
  return nodes.sort((a, b) => (a.kind === b.kind ? a.name.localeCompare(b.name) : a.kind === 'folder' ? -1 : 1));
}

/** A tree only helps where there is something to find: a folder, or more files than fit as tabs. */
export function wantsTree(paths: readonly string[]): boolean {
  return paths.length > 3 || paths.some((path) => path.includes('/'));
}
