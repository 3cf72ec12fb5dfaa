import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
// First, so <html> carries the theme before anything paints (no flash of the other theme).
import './theme/theme-store.ts';
import { App } from './App.tsx';
import './styles/base.css';
import './styles/layout.css';
import './styles/controls.css';
import './styles/header.css';
import './styles/instructions.css';
import './styles/workbench.css';
import './styles/check.css';
import './styles/files.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
