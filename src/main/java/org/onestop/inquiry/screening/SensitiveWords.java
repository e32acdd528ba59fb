package org.onestop.inquiry.screening;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ahocorasick.trie.Emit;
import org.ahocorasick.trie.Trie;

/**
 * Screens netizens' questions against the administrators' word lists before they reach the public
 * board, so that spam and abuse are rejected and sensitive matters are put in front of a moderator.
 *
 * <p>Matching uses Aho-Corasick so that a question is scanned once however long the lists grow.
 * Questions and dictionary words are both reduced to a {@linkplain MatchingForm matching form},
 * which defeats the usual disguises (spaces, punctuation, full-width letters, zero-width characters).
 *
 * <p>Instances are immutable and safe to share between threads; build one and reuse it.
 */
public final class SensitiveWords {

    private static final String FLAGGED_RESOURCE = "/org/onestop/inquiry/screening/flagged-words.txt";

    private static final String BLOCKED_RESOURCE = "/org/onestop/inquiry/screening/blocked-words.txt";

    private final Dictionary flagged;

    private final Dictionary blocked;

    public SensitiveWords(Collection<String> flaggedWords, Collection<String> blockedWords) {
        this.flagged = Dictionary.of(flaggedWords);
        this.blocked = Dictionary.of(blockedWords);
    }

    /** The lists shipped with the application, maintained by the portal's administrators. */
    public static SensitiveWords fromClasspath() {
        return new SensitiveWords(WordListReader.fromClasspath(FLAGGED_RESOURCE),
                WordListReader.fromClasspath(BLOCKED_RESOURCE));
    }

    public Screening screen(String text) {
        String matchable = MatchingForm.of(text);
        return new Screening(flagged.find(matchable), blocked.find(matchable));
    }

    /** One list, compiled for matching, remembering which dictionary word each matching form came from. */
    private record Dictionary(Trie trie, Map<String, String> wordsByForm) {

        static Dictionary of(Collection<String> words) {
            Map<String, String> wordsByForm = new LinkedHashMap<>();
            for (String word : words) {
                String form = MatchingForm.of(word);
                // A word made only of punctuation would match everywhere or nowhere; neither helps.
                if (!form.isEmpty()) {
                    wordsByForm.putIfAbsent(form, word.strip());
                }
            }
            Trie trie = Trie.builder().addKeywords(wordsByForm.keySet()).build();
            return new Dictionary(trie, Map.copyOf(wordsByForm));
        }

        List<String> find(String matchable) {
            if (wordsByForm.isEmpty() || matchable.isEmpty()) {
                return List.of();
            }
            // The library reports matches by where they end; moderators read in order of where they start.
            List<Emit> emits = new ArrayList<>(trie.parseText(matchable));
            emits.sort(Comparator.comparingInt(Emit::getStart).thenComparingInt(Emit::getEnd));
            Set<String> found = new LinkedHashSet<>();
            for (Emit emit : emits) {
                found.add(wordsByForm.get(emit.getKeyword()));
            }
            return List.copyOf(found);
        }
    }
}
