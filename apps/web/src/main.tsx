import '@xyflow/react/dist/style.css';
import './styles.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { bootDesign, isShareHash } from '@vmtopo/editor';
import { App } from './App.tsx';
import { clearHash, storage } from './browser.ts';

// Before the first render: a shared design (or the autosave) is on the very first frame.
const boot = bootDesign(window.location.hash, storage());
if (isShareHash(window.location.hash)) clearHash();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App boot={boot} />
  </StrictMode>,
);
