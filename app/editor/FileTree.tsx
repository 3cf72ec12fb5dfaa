/**
 * The lesson's files as a tree beside the editor (for lessons with folders or many files): open a
 * file, make a new one, rename or delete one. Names are checked as they are typed (file-paths.ts);
 * a delete asks first. The tree renders; useLessonFiles changes and saves the files.
 */
import { useState } from 'react';
import { buildTree, type TreeNode } from './file-tree.ts';
import { pathProblem } from '../lessons/file-paths.ts';
import { Button } from '../components/Button.tsx';
import { ConfirmDialog } from '../components/ConfirmDialog.tsx';
import { PathForm } from './PathForm.tsx';

interface Props {
  paths: readonly string[];
  active: string;
  onOpen(path: string): void;
  onCreate(path: string): void;
  onRename(from: string, to: string): void;
  onDelete(path: string): void;
}

type Editing = { kind: 'create' } | { kind: 'rename'; path: string } | null;

export function FileTree({ paths, active, onOpen, onCreate, onRename, onDelete }: Props) {
  const [editing, setEditing] = useState<Editing>(null);
  const [deleting, setDeleting] = useState<string | null>(null);
  const others = (except?: string) => paths.filter((path) => path !== except);

  const renderNodes = (nodes: TreeNode[], depth: number) => (
    <ul className="file-tree__list">
      {nodes.map((node) =>
        node.kind === 'folder' ? (
          <li key={node.path} className="file-tree__folder">
            <span className="file-tree__folder-name" style={{ paddingLeft: 8 + depth * 14 }}>
              {node.name}/
            </span>
            {renderNodes(node.children, depth + 1)}
          </li>
        ) : editing?.kind === 'rename' && editing.path === node.path ? (
          <li key={node.path}>
            <PathForm
              label={`New name for ${node.path}`}
              initial={node.path}
              problemFor={(path) => (path === node.path ? undefined : pathProblem(path, others(node.path)))}
              onSubmit={(path) => {
                setEditing(null);
                if (path !== node.path) onRename(node.path, path);
              }}
              onCancel={() => setEditing(null)}
            />
          </li>
        ) : (
          <li key={node.path} className="file-tree__file">
            <button
              type="button"
              className="file-tree__open"
              style={{ paddingLeft: 8 + depth * 14 }}
              aria-current={node.path === active ? 'true' : undefined}
              aria-label={node.path}
              onClick={() => onOpen(node.path)}
            >
              {node.name}
            </button>
            <span className="file-tree__actions">
              <Button variant="quiet" className="icon-button file-tree__action" aria-label={`Rename ${node.path}`} onClick={() => setEditing({ kind: 'rename', path: node.path })}>
                <PencilIcon />
              </Button>
              <Button variant="quiet" className="icon-button file-tree__action" aria-label={`Delete ${node.path}`} unavailable={paths.length === 1} onClick={() => setDeleting(node.path)}>
                <BinIcon />
              </Button>
            </span>
          </li>
        ),
      )}
    </ul>
  );

  return (
    <nav className="file-tree" aria-label="Lesson files">
      <div className="file-tree__bar">
        <span className="file-tree__title">Files</span>
        <Button variant="quiet" className="button--small" onClick={() => setEditing({ kind: 'create' })}>
          New file
        </Button>
      </div>
      {editing?.kind === 'create' && (
        <PathForm
          label="New file path"
          initial=""
          placeholder="routes/users.js"
          problemFor={(path) => pathProblem(path, paths)}
          onSubmit={(path) => {
            setEditing(null);
            onCreate(path);
          }}
          onCancel={() => setEditing(null)}
        />
      )}
      {renderNodes(buildTree(paths), 0)}
      <ConfirmDialog
        open={deleting !== null}
        title={`Delete ${deleting ?? ''}?`}
        confirmLabel="Delete"
        onCancel={() => setDeleting(null)}
        onConfirm={() => {
          if (deleting) onDelete(deleting);
          setDeleting(null);
        }}
      >
        <p>The file and its code are removed from this lesson. “Reset to starter” brings back the lesson’s own files.</p>
      </ConfirmDialog>
    </nav>
  );
}

const PencilIcon = () => (
  <svg className="icon" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
    <path d="m10.5 2.5 3 3-8 8H2.5v-3l8-8Z" fill="none" stroke="currentColor" strokeWidth="1.4" strokeLinejoin="round" />
  </svg>
);
const BinIcon = () => (
  <svg className="icon" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
    <path d="M3 4.5h10M6.5 4.5V3h3v1.5M4.5 4.5l.6 8.5h5.8l.6-8.5" fill="none" stroke="currentColor" strokeWidth="1.4" strokeLinecap="round" strokeLinejoin="round" />
  </svg>
);
