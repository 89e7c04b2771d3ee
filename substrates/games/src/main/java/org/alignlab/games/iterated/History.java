package org.alignlab.games.iterated;

/**
 * What one player sees of a match: its own and the opponent's moves so far (as played, after any noise), both
 * running scores, the stage game, and the match length when it is known in advance.
 */
public final class History {
    private final Action[] mine;
    private final Action[] theirs;
    private int knownLength;
    private final StageGame game;
    private int turns;
    private int myCooperations;
    private int theirCooperations;
    private double myScore;
    private double theirScore;

    /** An empty history with room for {@code capacity} turns; {@code knownLength} is -1 when the length is unknown. */
    public History(int capacity, int knownLength, StageGame game) {
        this.mine = new Action[capacity];
        this.theirs = new Action[capacity];
        this.knownLength = knownLength;
        this.game = game;
    }

    /** Appends one turn. */
    public void record(Action myMove, Action theirMove) {
        record(myMove, theirMove, game.payoff(myMove, theirMove), game.payoff(theirMove, myMove));
    }

    /** Appends one turn whose payoffs the engine has already looked up (the same numbers {@link #record} adds). */
    void record(Action myMove, Action theirMove, double myPayoff, double theirPayoff) {
        mine[turns] = myMove;
        theirs[turns] = theirMove;
        turns++;
        if (myMove == Action.C) myCooperations++;
        if (theirMove == Action.C) theirCooperations++;
        myScore += myPayoff;
        theirScore += theirPayoff;
    }

    /** Empties this history for a new match of at most its capacity, so the engine can reuse its arrays. */
    void clear(int knownLength) {
        this.knownLength = knownLength;
        turns = 0;
        myCooperations = 0;
        theirCooperations = 0;
        myScore = 0;
        theirScore = 0;
    }

    int capacity() {
        return mine.length;
    }

    /** Turns completed so far; the move being chosen is turn number {@code turns() + 1}. */
    public int turns() {
        return turns;
    }

    /** My move at turn index {@code k} (0-based). */
    public Action mine(int k) {
        return mine[k];
    }

    public Action theirs(int k) {
        return theirs[k];
    }

    public Action myLast() {
        return mine[turns - 1];
    }

    public Action theirLast() {
        return theirs[turns - 1];
    }

    public int myCooperations() {
        return myCooperations;
    }

    public int myDefections() {
        return turns - myCooperations;
    }

    public int theirCooperations() {
        return theirCooperations;
    }

    public int theirDefections() {
        return turns - theirCooperations;
    }

    public double myScore() {
        return myScore;
    }

    public double theirScore() {
        return theirScore;
    }

    /** The number of turns in this match if announced in advance (Axelrod's entrants knew it was 200), else -1. */
    public int knownLength() {
        return knownLength;
    }

    public StageGame game() {
        return game;
    }
}
