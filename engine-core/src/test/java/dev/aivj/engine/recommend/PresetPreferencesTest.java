package dev.aivj.engine.recommend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aivj.audioio.AudioFileDecoder;
import dev.aivj.audioio.DecodedAudio;
import dev.aivj.audioio.MusicCache;
import dev.aivj.engine.Engine;
import dev.aivj.engine.model.MusicModel;
import dev.aivj.engine.plan.PlanJson;
import dev.aivj.engine.plan.SongPlan;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The viewer's blocklist and favourites in pair choice, on the real shipped pair library and music model and a real
 * song ("War of freedom", 175 s): a blocked preset never appears in a plan, favourites raise their pairs' share.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PresetPreferencesTest {
    static final Path WEB = Path.of("..", "web-frontend", "src", "main", "resources", "web");
    /** Seeds to replan with: a single plan has only a dozen sections, too few to compare shares. */
    static final int SEEDS = 40;

    private PairLibrary library;
    private Engine engine;
    private SongPlan analysed;

    @BeforeAll
    void analyseTheSongOnce() throws Exception {
        library = PairLibrary.parse(Files.readString(WEB.resolve("pairs/pair-library.json")));
        Path model = WEB.resolve("models/music-v1");
        engine = new Engine(MusicModel.load(Files.readString(model.resolve("manifest.json")),
                Files.readAllBytes(model.resolve("weights.bin"))), library, PairPlan.DEFAULT_SEED);
        DecodedAudio song = AudioFileDecoder.decode(MusicCache.sectoidSong("War of freedom"));
        analysed = engine.analyze(song.interleaved(), song.channels(), song.sampleRate());
        assertTrue(analysed.pairs().size() >= 5, "the song should have several sections, got " + analysed.pairs().size());
    }

    @Test
    void aBlockedPresetNeverAppearsInAPlan() {
        Set<String> blocked = new LinkedHashSet<>();
        for (PairChoice c : analysed.pairs()) { // every preset the unblocked plan plays
            blocked.add(c.pair().fg());
            blocked.add(c.pair().bg());
        }
        Engine blocking = engine.withPreferences(new PresetPreferences(blocked, Set.of()));
        for (long seed = 1; seed <= SEEDS; seed++) {
            for (PairChoice c : blocking.withSeed(seed).replan(analysed).pairs()) {
                assertFalse(blocked.contains(c.pair().fg()) || blocked.contains(c.pair().bg()),
                        "seed " + seed + " picked " + c.pair().fg() + " + " + c.pair().bg() + ", a blocked preset");
            }
        }
    }

    @Test
    void favouritesRaiseTheirPairsShare() {
        Set<String> favourites = new LinkedHashSet<>();
        for (int i = 0; i < library.size(); i += 25) { // 20 pairs spread over the library, not picked for fit
            favourites.add(library.pairs().get(i).fg());
        }
        Engine favouring = engine.withPreferences(new PresetPreferences(Set.of(), favourites));
        double before = share(engine, favourites);
        double after = share(favouring, favourites);
        System.out.printf("pairs with a favourite: %.1f %% of picks before, %.1f %% with favourites (x%.1f)%n",
                100 * before, 100 * after, PresetPreferences.FAVOURITE_FACTOR);
        assertTrue(after > before * 1.5, "favourites should raise their pairs' share of picks clearly: "
                + before + " -> " + after);
    }

    @Test
    void replanningGivesThePlanAFreshAnalysisWouldGive() {
        Engine blocking = engine.withPreferences(new PresetPreferences(
                Set.of(analysed.pairs().get(0).pair().fg()), Set.of(analysed.pairs().get(1).pair().bg())));
        DecodedAudio song;
        try {
            song = AudioFileDecoder.decode(MusicCache.sectoidSong("War of freedom"));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        assertEquals(PlanJson.write(blocking.analyze(song.interleaved(), song.channels(), song.sampleRate()), false),
                PlanJson.write(blocking.replan(analysed), false));
    }

    @Test
    void aBlocklistThatLeavesNoPairIsRefusedAndBadJsonNamed() {
        Set<String> all = new LinkedHashSet<>();
        library.pairs().forEach(p -> all.add(p.fg()));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> engine.withPreferences(new PresetPreferences(all, Set.of())));
        assertTrue(e.getMessage().contains("blocks every pair"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> PresetPreferences.parse("{\"blocked\": [1]}"));
        assertEquals("preset preferences: blocked[0] is not a preset id", e.getMessage());
        PresetPreferences p = PresetPreferences.parse("{\"blocked\":[\"a/b\"],\"favourites\":[\"c/d\"]}");
        assertEquals(Set.of("a/b"), p.blocked());
        assertEquals(Set.of("c/d"), p.favourites());
        assertEquals(PresetPreferences.NONE, PresetPreferences.parse(""));
    }

    /** The share of sections, over {@link #SEEDS} seeds, whose pair holds one of {@code favourites}. */
    private double share(Engine e, Set<String> favourites) {
        int hits = 0;
        int total = 0;
        for (long seed = 1; seed <= SEEDS; seed++) {
            List<PairChoice> pairs = e.withSeed(seed).replan(analysed).pairs();
            for (PairChoice c : pairs) {
                total++;
                if (favourites.contains(c.pair().fg()) || favourites.contains(c.pair().bg())) {
                    hits++;
                }
            }
        }
        return (double) hits / total;
    }
}
