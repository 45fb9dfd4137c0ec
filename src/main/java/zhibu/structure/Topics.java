package zhibu.structure;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The topic dictionary (data in topics.tsv): which topics a text is about. */
public final class Topics {
    private static final int MIN_OCCURRENCES = 2;
    private static final Topics INSTANCE = load();

    private final Map<String, Pattern> words;

    private Topics(Map<String, Pattern> words) {
        this.words = words;
    }

    public static Topics get() {
        return INSTANCE;
    }

    public List<String> names() {
        return List.copyOf(words.keySet());
    }

    /** Topics whose words occur at least twice; if none does, the topic mentioned most. */
    public List<String> of(String text) {
        List<String> topics = new ArrayList<>();
        String best = null;
        int bestCount = 0;
        for (Map.Entry<String, Pattern> topic : words.entrySet()) {
            int count = 0;
            Matcher m = topic.getValue().matcher(text);
            while (m.find()) {
                count++;
            }
            if (count >= MIN_OCCURRENCES) {
                topics.add(topic.getKey());
            }
            if (count > bestCount) {
                best = topic.getKey();
                bestCount = count;
            }
        }
        if (topics.isEmpty() && best != null) {
            topics.add(best);
        }
        return topics;
    }

    private static Topics load() {
        Map<String, Pattern> words = new LinkedHashMap<>();
        try (var in = Topics.class.getResourceAsStream("/zhibu/topics.tsv");
             var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    String[] cols = line.split("\t");
                    words.put(cols[0].strip(), Pattern.compile(cols[1].strip()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Topics(words);
    }
}
