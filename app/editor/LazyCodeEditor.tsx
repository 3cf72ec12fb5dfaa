/** Monaco is heavy: it loads after first paint, behind a placeholder that already shows the code. */
import { Component, lazy, Suspense, type ComponentProps, type ReactNode } from 'react';
import { EditorPlaceholder } from './EditorPlaceholder.tsx';

const CodeEditor = lazy(() => import('./CodeEditor.tsx'));

type Props = ComponentProps<typeof CodeEditor>;

export function LazyCodeEditor(props: Props) {
  const content = props.files[props.active] ?? '';
  const placeholder = <EditorPlaceholder content={content} />;
  return (
    <LoadFailure fallback={<EditorPlaceholder content={content} note="The editor could not load. Reload the page to try again — your code is saved in this browser." />}>
      <Suspense fallback={placeholder}>
        <CodeEditor {...props} />
      </Suspense>
    </LoadFailure>
  );
}

interface BoundaryProps {
  fallback: ReactNode;
  children: ReactNode;
}

/** If the editor's code cannot load (a flaky connection, a new deploy), say so instead of a blank pane. */
class LoadFailure extends Component<BoundaryProps, { failed: boolean }> {
  state = { failed: false };

  static getDerivedStateFromError() {
    return { failed: true };
  }

  render() {
    if (!this.state.failed) return this.props.children;
    return <div role="alert">{this.props.fallback}</div>;
  }
}
