/** Robustly good work: interpretability (superposition, grokking circuits, induction heads), robustness, forecasting. */
package org.alignlab.robust;
