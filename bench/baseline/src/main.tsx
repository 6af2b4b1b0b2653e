import '@xyflow/react/dist/style.css';
import { createRoot } from 'react-dom/client';
import { StressFlow } from './StressFlow.tsx';

// No StrictMode, no Background / MiniMap / Controls: the bare React Flow page of ../shared/perf-anchor.md.
createRoot(document.getElementById('root')!).render(<StressFlow />);
