/** Neural networks for alignlab's studies: models from named blocks on DJL's PyTorch engine (CPU, offline). */
package org.alignlab.neural;
