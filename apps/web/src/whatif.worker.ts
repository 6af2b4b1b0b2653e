/// <reference lib="webworker" />
/**
 * The design summary's N−1 analysis for a large design, off the page's main thread: the survival
 * line catches up a moment after an edit, and typing or dragging never waits for it.
 */
import { answerSurvival, type SurvivalRequest } from '@vmtopo/editor';

self.addEventListener('message', (e: MessageEvent<SurvivalRequest>) => {
  self.postMessage(answerSurvival(e.data));
});
