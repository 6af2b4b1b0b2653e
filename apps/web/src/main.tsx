import '@xyflow/react/dist/style.css';
import './styles.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { bootDesign, isShareHash } from '@vmtopo/editor';
import { App } from './App.tsx';
import { clearHash, storage, tabSlot, tabSlotName } from './browser.ts';

// Before the first render: a shared design (or the autosave) is on the very first frame.
const slot = tabSlotName();
const boot = bootDesign(window.location.hash, storage(), slot);
const tab = tabSlot(slot, boot.seen);
if (isShareHash(window.location.hash)) clearHash();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App boot={boot} tab={tab} />
  </StrictMode>,
);
