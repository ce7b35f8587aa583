// research-graph.d.ts — types for research-graph.js; the declarations live in rgv.d.ts.
export { ResearchGraphElement, ResearchGraphEventMap } from './rgv.js';
