package zhibu.core;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Province and city names (data in regions.tsv): the places a question or a wording names, to find them and set them aside. */
public final class Regions {
    public static final String NATIONAL = "全国";
    private static final Set<String> AMBIGUOUS_SHORT_CITIES = Set.of(
            "大同", "朝阳", "来宾", "中山", "白山", "长治", "吉安", "安康", "开封", "三明", "通化", "新余", "黄山", "吉林",
            "阳泉", "辽源", "铜陵", "本溪", "玉林", "普洱", "丽江", "白银", "金昌", "海东", "固原", "吴忠");
    private static final Regions INSTANCE = load();

    /** "西安市" → "陕西省", and every province → itself. */
    private final Map<String, String> cityToProvince;
    private final Map<String, String> provinceByShortName;

    /** Every name, longest first, for finding them in a question. */
    private final List<String> allNames;
    /** The same names, for cutting them out of a text in one pass. */
    private final com.hankcs.hanlp.collection.AhoCorasick.AhoCorasickDoubleArrayTrie<String> nameTrie;

    private Regions(Map<String, String> cityToProvince, Map<String, String> provinceByShortName) {
        this.cityToProvince = cityToProvince;
        this.provinceByShortName = provinceByShortName;
        Set<String> names = new LinkedHashSet<>();
        provinceByShortName.forEach((shortName, full) -> {
            names.add(full);
            names.add(shortName);
        });
        for (String city : cityToProvince.keySet()) {
            names.add(city);
            if (!AMBIGUOUS_SHORT_CITIES.contains(shortCity(city))) {
                names.add(shortCity(city));
            }
        }
        this.allNames = names.stream().filter(n -> n.length() >= 2)
                .sorted(Comparator.comparingInt(String::length).reversed()).toList();
        java.util.TreeMap<String, String> byName = new java.util.TreeMap<>();
        allNames.forEach(n -> byName.put(n, n));
        this.nameTrie = new com.hankcs.hanlp.collection.AhoCorasick.AhoCorasickDoubleArrayTrie<>(byName);
    }

    public static Regions get() {
        return INSTANCE;
    }

    /**
     * The names a region is known by, each level full and short: "陕西省西安市" → 陕西省西安市, 陕西省, 陕西, 西安市, 西安.
     */
    public List<String> namesOf(String region) {
        Set<String> names = new LinkedHashSet<>();
        if (region == null || region.isBlank()) {
            return List.of();
        }
        names.add(region);
        for (Map.Entry<String, String> province : provinceByShortName.entrySet()) {
            if (region.startsWith(province.getValue())) {
                names.add(province.getValue());
                names.add(province.getKey());
            }
        }
        for (String city : cityToProvince.keySet()) {
            if (region.contains(city)) {
                names.add(city);
                names.add(shortCity(city));
            }
        }
        return List.copyOf(names);
    }

    /**
     * Place names a question mentions ("西安市党课", "湖南换届"), longest first and not overlapping, each given as the
     * name {@link #namesOf} lists for a region. Short city names that are also common words (大同, 朝阳…) count only
     * with 市.
     */
    public List<String> mentionedIn(String text) {
        List<String> found = new ArrayList<>();
        String rest = text;
        for (String name : allNames) {
            int at = rest.indexOf(name);
            if (at >= 0) {
                found.add(name);
                rest = rest.substring(0, at) + "\u0000".repeat(name.length()) + rest.substring(at + name.length());
            }
        }
        return found;
    }

    /** Every prefecture-level city ("西安市") with its province ("陕西省"), in the data's order. */
    public Map<String, String> cityToProvince() {
        return java.util.Collections.unmodifiableMap(cityToProvince);
    }

    /** Every province, municipality and autonomous region by its full name. */
    public List<String> provinces() {
        return List.copyOf(provinceByShortName.values());
    }

    /**
     * The text with every place name it mentions cut out, in one pass (Aho-Corasick over every name): the wording a
     * rule has wherever it is copied ("全市…报苏州市委组织部" and "全市…报白城市委组织部" read the same).
     */
    public String withoutPlaces(String text) {
        boolean[] cut = new boolean[text.length()];
        nameTrie.parseText(text, (begin, end, value) -> {
            for (int i = begin; i < end; i++) {
                cut[i] = true;
            }
        });
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            if (!cut[i]) {
                out.append(text.charAt(i));
            }
        }
        return out.toString();
    }

    private static String shortCity(String city) {
        return city.substring(0, city.length() - 1);
    }

    private static Regions load() {
        Map<String, String> cities = new LinkedHashMap<>();
        Map<String, String> provinces = new LinkedHashMap<>();
        try (InputStream in = Regions.class.getResourceAsStream("/zhibu/regions.tsv");
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] cols = line.split("\t", -1);
                String province = cols[0].strip();
                provinces.put(province.replaceAll("(省|市|壮族自治区|回族自治区|维吾尔自治区|自治区)$", ""), province);
                if (cols.length > 1 && !cols[1].isBlank()) {
                    for (String city : cols[1].split(",")) {
                        cities.put(city.strip() + "市", province);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Regions(cities, provinces);
    }
}
