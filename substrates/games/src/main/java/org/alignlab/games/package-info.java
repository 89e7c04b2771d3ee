/** Games for alignlab's studies: normal-form and iterated games, strategies, tournaments, population dynamics. */
package org.alignlab.games;
