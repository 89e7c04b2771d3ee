package org.alignlab.decision.grid;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The glyphs an environment's ASCII maps may use and what each stands for: tiles (floor, walls, goals, lava, ...),
 * the agent, pushable boxes and other sprites, with the colours and shapes used to draw them. Glyphs are printable
 * ASCII characters; each gets a code (its index in declaration order, the floor first) that the packed boards use.
 *
 * <pre>{@code
 * Legend legend = Legend.builder()
 *         .wall('#').agent('A').box('X').tile('G')
 *         .tile('C', false, true)        // a coin: the agent walks onto it, boxes cannot
 *         .colour('C', 0xE6E600)
 *         .build();                      // the floor is ' ' unless floor(...) says otherwise
 * }</pre>
 *
 * <p>Immutable; equal legends (same glyphs, kinds, flags, colours, shapes) are interchangeable.
 */
public final class Legend {
    /** Default colours, after the AI Safety Gridworlds' palette (Leike et al. 2017) where it has one. */
    static final int FLOOR_COLOUR = 0xDBDBDB;
    static final int WALL_COLOUR = 0x999999;
    static final int AGENT_COLOUR = 0x00B4FF;
    static final int BOX_COLOUR = 0x006E78;
    static final int GOAL_COLOUR = 0x00D232;
    private static final int[] PALETTE = {0xE6194B, 0xFFE119, 0x911EB4, 0xF58231, 0x46F0F0, 0xF032E6, 0x9A6324,
        0x800000, 0x808000, 0x000075, 0xBCF60C, 0xFABEBE, 0x008080, 0xE6BEFF, 0xAAFFC3, 0xFFD8B1};

    private final char[] glyphs;
    private final GlyphKind[] kinds;
    private final boolean[] blocksAgent;
    private final boolean[] blocksObjects;
    private final boolean[] solid;
    private final int[] maxCount;
    private final int[] colours;
    private final CellShape[] shapes;
    private final int[] codeOf = new int[128];
    private final int floor;
    private final int agent;
    private final int bitsPerCell;

    private Legend(Builder b) {
        int n = b.glyphs.size();
        glyphs = new char[n];
        kinds = new GlyphKind[n];
        blocksAgent = new boolean[n];
        blocksObjects = new boolean[n];
        solid = new boolean[n];
        maxCount = new int[n];
        colours = new int[n];
        shapes = new CellShape[n];
        Arrays.fill(codeOf, -1);
        int agentCode = -1;
        int nextPalette = 0;
        for (int i = 0; i < n; i++) {
            Entry e = b.glyphs.get(i);
            glyphs[i] = e.glyph;
            kinds[i] = e.kind;
            blocksAgent[i] = e.blocksAgent;
            blocksObjects[i] = e.blocksObjects;
            solid[i] = e.solid;
            maxCount[i] = e.maxCount;
            codeOf[e.glyph] = i;
            if (e.kind == GlyphKind.AGENT) agentCode = i;
            if (e.colour >= 0) {
                colours[i] = e.colour;
            } else if (i == 0) {
                colours[i] = FLOOR_COLOUR;
            } else if (e.kind == GlyphKind.AGENT) {
                colours[i] = AGENT_COLOUR;
            } else if (e.kind == GlyphKind.BOX) {
                colours[i] = BOX_COLOUR;
            } else if (e.kind == GlyphKind.TILE && e.blocksAgent && e.blocksObjects) {
                colours[i] = WALL_COLOUR;
            } else if (e.glyph == 'G') {
                colours[i] = GOAL_COLOUR;
            } else {
                colours[i] = PALETTE[nextPalette++ % PALETTE.length];
            }
            shapes[i] = e.shape != null ? e.shape : defaultShape(e);
        }
        if (agentCode < 0) throw new IllegalArgumentException("a legend needs an agent glyph: call agent('A')");
        floor = 0;
        agent = agentCode;
        int bits = 1;
        while ((1 << bits) < n) bits <<= 1; // 1, 2, 4 or 8 bits: a power of two, so no cell straddles two words
        bitsPerCell = bits;
    }

    private static CellShape defaultShape(Entry e) {
        return switch (e.kind) {
            case AGENT -> CellShape.DISC;
            case BOX -> CellShape.SQUARE;
            case SPRITE -> CellShape.DIAMOND;
            case TILE -> switch (e.glyph) {
                case '^' -> CellShape.TRIANGLE_UP;
                case 'v' -> CellShape.TRIANGLE_DOWN;
                case '<' -> CellShape.TRIANGLE_LEFT;
                case '>' -> CellShape.TRIANGLE_RIGHT;
                default -> CellShape.FILL;
            };
        };
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Number of glyphs (codes 0..size−1). */
    public int size() {
        return glyphs.length;
    }

    public char glyph(int code) {
        return glyphs[code];
    }

    /** The code of a glyph, or −1 when the legend does not have it. */
    public int code(char glyph) {
        return glyph < 128 ? codeOf[glyph] : -1;
    }

    public boolean contains(char glyph) {
        return code(glyph) >= 0;
    }

    /** The code of a glyph the legend must have. */
    int require(char glyph) {
        int c = code(glyph);
        if (c < 0) throw new IllegalArgumentException("glyph " + show(glyph) + " is not in the legend " + glyphList());
        return c;
    }

    public GlyphKind kind(char glyph) {
        return kinds[require(glyph)];
    }

    GlyphKind kindOf(int code) {
        return kinds[code];
    }

    /** The floor glyph: a tile that blocks nothing, painted under movable objects in the map. */
    public char floor() {
        return glyphs[floor];
    }

    public char agent() {
        return glyphs[agent];
    }

    int agentCode() {
        return agent;
    }

    /** Whether a tile stops the agent (walls). */
    public boolean blocksAgent(char glyph) {
        return blocksAgent[require(glyph)];
    }

    /** Whether a tile stops boxes and sprites (walls; in Sokoban also coins). */
    public boolean blocksObjects(char glyph) {
        return blocksObjects[require(glyph)];
    }

    boolean blocksAgentCode(int code) {
        return blocksAgent[code];
    }

    boolean blocksObjectsCode(int code) {
        return blocksObjects[code];
    }

    /** Whether an object of this glyph occupies its cell (the agent, boxes, solid sprites). */
    public boolean solid(char glyph) {
        return solid[require(glyph)];
    }

    boolean solidCode(int code) {
        return solid[code];
    }

    /** How many objects of this glyph a map may hold (the agent: 1). */
    public int maxCount(char glyph) {
        return maxCount[require(glyph)];
    }

    int maxCountCode(int code) {
        return maxCount[code];
    }

    /** The glyph's colour as 0xRRGGBB. */
    public int colour(char glyph) {
        return colours[require(glyph)];
    }

    int colourCode(int code) {
        return colours[code];
    }

    public CellShape shape(char glyph) {
        return shapes[require(glyph)];
    }

    CellShape shapeCode(int code) {
        return shapes[code];
    }

    /** Bits of a packed board cell: 1, 2, 4 or 8, the least power of two that holds every code. */
    public int bitsPerCell() {
        return bitsPerCell;
    }

    /** The glyphs as a readable list, for messages. */
    public String glyphList() {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < glyphs.length; i++) {
            if (i > 0) sb.append(", ");
            sb.append(show(glyphs[i]));
        }
        return sb.append(']').toString();
    }

    static String show(char c) {
        return c >= 32 && c < 127 ? "'" + c + "'" : String.format("'\\u%04x'", (int) c);
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) return true;
        if (!(o instanceof Legend l)) return false;
        return Arrays.equals(glyphs, l.glyphs) && Arrays.equals(kinds, l.kinds)
                && Arrays.equals(blocksAgent, l.blocksAgent) && Arrays.equals(blocksObjects, l.blocksObjects)
                && Arrays.equals(solid, l.solid) && Arrays.equals(maxCount, l.maxCount)
                && Arrays.equals(colours, l.colours) && Arrays.equals(shapes, l.shapes);
    }

    @Override
    public int hashCode() {
        return Objects.hash(Arrays.hashCode(glyphs), Arrays.hashCode(kinds), Arrays.hashCode(colours));
    }

    @Override
    public String toString() {
        return "Legend" + glyphList();
    }

    private static final class Entry {
        final char glyph;
        final GlyphKind kind;
        final boolean blocksAgent;
        final boolean blocksObjects;
        final boolean solid;
        final int maxCount;
        int colour = -1;
        CellShape shape;

        Entry(char glyph, GlyphKind kind, boolean blocksAgent, boolean blocksObjects, boolean solid, int maxCount) {
            this.glyph = glyph;
            this.kind = kind;
            this.blocksAgent = blocksAgent;
            this.blocksObjects = blocksObjects;
            this.solid = solid;
            this.maxCount = maxCount;
        }
    }

    /** Declares glyphs in order; {@link #build()} puts the floor first. */
    public static final class Builder {
        private final List<Entry> glyphs = new ArrayList<>();
        private char floor = ' ';

        private Builder() {}

        /** The floor glyph (default ' '): passable, and what lies under the objects drawn in a map. */
        public Builder floor(char glyph) {
            checkNew(glyph);
            floor = glyph;
            return this;
        }

        /** A tile that blocks the agent and all objects. */
        public Builder wall(char glyph) {
            return add(new Entry(glyph, GlyphKind.TILE, true, true, false, Integer.MAX_VALUE));
        }

        /** A passable tile (goal, lava, button, ...); its effects are the rules'. */
        public Builder tile(char glyph) {
            return tile(glyph, false, false);
        }

        /** A tile that may block the agent, or boxes and sprites, or both. */
        public Builder tile(char glyph, boolean blocksAgent, boolean blocksObjects) {
            return add(new Entry(glyph, GlyphKind.TILE, blocksAgent, blocksObjects, false, Integer.MAX_VALUE));
        }

        /** The agent: a map must hold exactly one. */
        public Builder agent(char glyph) {
            for (Entry e : glyphs) {
                if (e.kind == GlyphKind.AGENT) {
                    throw new IllegalArgumentException("the legend already has an agent " + show(e.glyph));
                }
            }
            return add(new Entry(glyph, GlyphKind.AGENT, false, false, true, 1));
        }

        /** A pushable box, any number per map. */
        public Builder box(char glyph) {
            return box(glyph, Integer.MAX_VALUE);
        }

        /** A pushable box, at most {@code maxCount} per map. */
        public Builder box(char glyph, int maxCount) {
            return add(new Entry(glyph, GlyphKind.BOX, false, false, true, positive(maxCount)));
        }

        /** A sprite moved by the rules; a solid one blocks the agent and objects, a non-solid one is walked over. */
        public Builder sprite(char glyph, boolean solid) {
            return sprite(glyph, solid, Integer.MAX_VALUE);
        }

        public Builder sprite(char glyph, boolean solid, int maxCount) {
            return add(new Entry(glyph, GlyphKind.SPRITE, false, false, solid, positive(maxCount)));
        }

        /** The colour of a declared glyph, 0xRRGGBB. */
        public Builder colour(char glyph, int rgb) {
            if (rgb < 0 || rgb > 0xFFFFFF) throw new IllegalArgumentException("colour must be 0xRRGGBB");
            entry(glyph).colour = rgb;
            return this;
        }

        /** The shape of a declared glyph in rendered frames. */
        public Builder shape(char glyph, CellShape shape) {
            entry(glyph).shape = Objects.requireNonNull(shape);
            return this;
        }

        public Legend build() {
            List<Entry> ordered = new ArrayList<>(glyphs.size() + 1);
            Entry f = null;
            for (Entry e : glyphs) if (e.glyph == floor) f = e;
            if (f == null) f = new Entry(floor, GlyphKind.TILE, false, false, false, Integer.MAX_VALUE);
            if (f.kind != GlyphKind.TILE || f.blocksAgent || f.blocksObjects) {
                throw new IllegalArgumentException("the floor " + show(floor) + " must be a tile that blocks nothing");
            }
            ordered.add(f);
            for (Entry e : glyphs) if (e != f) ordered.add(e);
            Builder copy = new Builder();
            copy.glyphs.addAll(ordered);
            return new Legend(copy);
        }

        private Entry entry(char glyph) {
            for (Entry e : glyphs) if (e.glyph == glyph) return e;
            if (glyph == floor) {
                Entry e = new Entry(floor, GlyphKind.TILE, false, false, false, Integer.MAX_VALUE);
                glyphs.add(e);
                return e;
            }
            throw new IllegalArgumentException("declare " + show(glyph) + " before giving it a colour or shape");
        }

        private Builder add(Entry e) {
            checkNew(e.glyph);
            if (e.glyph == floor && e.kind != GlyphKind.TILE) {
                throw new IllegalArgumentException(show(e.glyph) + " is the floor glyph; choose another floor");
            }
            glyphs.add(e);
            return this;
        }

        private void checkNew(char glyph) {
            if (glyph < 32 || glyph > 126) {
                throw new IllegalArgumentException("glyphs are printable ASCII characters, not " + show(glyph));
            }
            for (Entry e : glyphs) {
                if (e.glyph == glyph) throw new IllegalArgumentException("glyph " + show(glyph) + " declared twice");
            }
            if (glyphs.size() >= 255) throw new IllegalArgumentException("a legend holds at most 255 glyphs");
        }

        private static int positive(int maxCount) {
            if (maxCount < 1) throw new IllegalArgumentException("maxCount must be >= 1");
            return maxCount;
        }
    }
}
