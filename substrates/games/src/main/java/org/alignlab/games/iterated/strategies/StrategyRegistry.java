package org.alignlab.games.iterated.strategies;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.alignlab.core.Suggestions;
import org.alignlab.core.UsageException;
import org.alignlab.games.iterated.Strategy;

/** The strategy library by id (lower-case, hyphenated); an unknown id is refused with the closest ids suggested. */
public final class StrategyRegistry {
    private static final Map<String, Supplier<Strategy>> BY_ID = new LinkedHashMap<>();

    /** Axelrod's first tournament in the published order of finish (Axelrod 1980, Table 2), Random last. */
    private static final List<String> AXELROD_FIRST = List.of(
            "tit-for-tat", "tideman-and-chieruzzi", "nydegger", "grofman", "shubik", "stein-and-rapoport", "grudger",
            "davis", "graaskamp", "downing", "feld", "joss", "tullock", "name-withheld", "random");

    static {
        BY_ID.put("tit-for-tat", TitForTat::new);
        BY_ID.put("tideman-and-chieruzzi", TidemanAndChieruzzi::new);
        BY_ID.put("nydegger", Nydegger::new);
        BY_ID.put("grofman", Grofman::new);
        BY_ID.put("shubik", Shubik::new);
        BY_ID.put("stein-and-rapoport", SteinAndRapoport::new);
        BY_ID.put("grudger", Grudger::new);
        BY_ID.put("davis", Davis::new);
        BY_ID.put("graaskamp", Graaskamp::new);
        BY_ID.put("downing", Downing::new);
        BY_ID.put("feld", Feld::new);
        BY_ID.put("joss", Joss::new);
        BY_ID.put("tullock", Tullock::new);
        BY_ID.put("name-withheld", NameWithheld::new);
        BY_ID.put("random", RandomPlayer::new);
        BY_ID.put("cooperator", Cooperator::new);
        BY_ID.put("defector", Defector::new);
        BY_ID.put("tit-for-two-tats", TitForTwoTats::new);
        BY_ID.put("generous-tit-for-tat", GenerousTitForTat::new);
        BY_ID.put("win-stay-lose-shift", WinStayLoseShift::new);
        BY_ID.put("alternator", Alternator::new);
        BY_ID.put("extort-2", () -> ZeroDeterminant.extortion(2));
        BY_ID.put("zd-generous-2", () -> ZeroDeterminant.generous(2));
    }

    private StrategyRegistry() {}

    /** All ids, in registration order (the first-tournament entries first). */
    public static List<String> ids() {
        return Collections.unmodifiableList(new ArrayList<>(BY_ID.keySet()));
    }

    /** A new instance of the strategy {@code id}. */
    public static Strategy create(String id) {
        Supplier<Strategy> s = id == null ? null : BY_ID.get(id);
        if (s == null) {
            List<String> close = Suggestions.closest(id, BY_ID.keySet());
            throw new UsageException("unknown strategy '" + id + "'"
                    + (close.isEmpty() ? "" : "; did you mean " + String.join(", ", close) + "?")
                    + " (known: " + BY_ID.size() + " strategies, see StrategyRegistry.ids())");
        }
        return s.get();
    }

    /** New instances of each id, in order. */
    public static List<Strategy> create(List<String> ids) {
        return ids.stream().map(StrategyRegistry::create).toList();
    }

    /** The ids of Axelrod's first tournament: the 14 entries and Random, in the published order of finish. */
    public static List<String> axelrodFirstTournament() {
        return AXELROD_FIRST;
    }
}
