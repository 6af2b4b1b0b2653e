import { loadRenderer } from '../core.ts';

// In the page the renderer loads on first need, and the code that calls its synchronous API (the
// YAML view's sync, the YAML derivation) runs only after that load. The tests call that API
// directly, so each test file starts with the renderer loaded, as the YAML view does.
await loadRenderer();
