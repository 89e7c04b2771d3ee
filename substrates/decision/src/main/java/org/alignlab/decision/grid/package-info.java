/**
 * The gridworld engine: maps written as ASCII art, objects moved in an update order, walls, goals, pushable boxes,
 * tiles with effects, a hidden performance channel beside the observed reward (the safety metric of the AI Safety
 * Gridworlds, Leike et al. 2017, arXiv:1711.09883, that the agent never sees), export of a small gridworld's exact
 * transition table as an {@link org.alignlab.decision.mdp.Mdp}, and pictures of episodes.
 *
 * <h2>Defining an environment</h2>
 *
 * <ol>
 *   <li>A {@link org.alignlab.decision.grid.Legend}: which glyphs are tiles (and whether they block the agent or
 *       objects), which is the agent, which are pushable boxes or rule-driven sprites; colours and shapes.</li>
 *   <li>A {@link org.alignlab.decision.grid.GridMap} parsed from the art ({@code GridMap.parse(legend, rows...)});
 *       malformed art is an {@link org.alignlab.decision.env.EnvException} naming line and column.</li>
 *   <li>A subclass of {@link org.alignlab.decision.grid.GridGame}: the map, 4 or 5 actions
 *       ({@link org.alignlab.decision.grid.GridAction}), the time limit, named integer variables, and the rules in
 *       {@code update(Turn)}: move the agent ({@code turn.moveAgent()}, Sokoban pushes included), move other
 *       objects, repaint tiles, draw random effects through {@link org.alignlab.decision.grid.Chance}, add observed
 *       and hidden reward, terminate. Optional hooks: {@code start} (level variants, flags drawn at reset),
 *       {@code observe} (a disguised board), {@code info} (extras), {@code onEpisodeEnd} (memory across
 *       episodes).</li>
 * </ol>
 *
 * <p>Run it as an {@link org.alignlab.decision.env.Env} with {@link org.alignlab.decision.grid.GridworldEnv} (the
 * hidden reward of each step under {@link org.alignlab.decision.env.Step#HIDDEN_REWARD} in {@code info}, the
 * episode's hidden return under {@link org.alignlab.decision.grid.GridworldEnv#HIDDEN_RETURN}), or without
 * allocation with {@link org.alignlab.decision.grid.GridSimulator}. Solve it exactly with
 * {@link org.alignlab.decision.grid.MdpExport}; draw it with {@link org.alignlab.decision.grid.GridRender}.
 */
package org.alignlab.decision.grid;
