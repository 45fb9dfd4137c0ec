package zhibu.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Command-line options ({@code --name value}, {@code --flag}) and positional arguments, checked against a list. */
public final class Args {
    private final Map<String, List<String>> options = new LinkedHashMap<>();
    private final List<String> positional = new ArrayList<>();

    private Args() {
    }

    /**
     * @param valued options that take a value
     * @param flags  options that take none
     * @throws UsageException naming the unknown option or the option missing its value
     */
    public static Args parse(List<String> args, Set<String> valued, Set<String> flags) {
        Args parsed = new Args();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.startsWith("--") && arg.length() > 2) {
                String name = arg.substring(2);
                String value = null;
                int eq = name.indexOf('=');
                if (eq >= 0) {
                    value = name.substring(eq + 1);
                    name = name.substring(0, eq);
                }
                if (flags.contains(name) && value == null) {
                    parsed.options.computeIfAbsent(name, n -> new ArrayList<>()).add("true");
                } else if (valued.contains(name)) {
                    if (value == null) {
                        if (i + 1 >= args.size()) {
                            throw new UsageException("the option --" + name + " needs a value");
                        }
                        value = args.get(++i);
                    }
                    parsed.options.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
                } else {
                    throw new UsageException("unknown option --" + name);
                }
            } else {
                parsed.positional.add(arg);
            }
        }
        return parsed;
    }

    public boolean flag(String name) {
        return options.containsKey(name);
    }

    public String value(String name, String fallback) {
        List<String> values = options.get(name);
        return values == null ? fallback : values.get(values.size() - 1);
    }

    public List<String> values(String name) {
        return options.getOrDefault(name, List.of());
    }

    public int intValue(String name, int fallback, int min, int max) {
        String value = value(name, null);
        if (value == null) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(value.strip());
            if (n < min || n > max) {
                throw new UsageException("--" + name + " must be between " + min + " and " + max + ", not " + value);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new UsageException("--" + name + " must be a whole number, not '" + value + "'");
        }
    }

    public List<String> positional() {
        return positional;
    }

    /** A mistake in how a command was called; its message is the sentence shown to the user. */
    public static final class UsageException extends RuntimeException {
        public UsageException(String message) {
            super(message);
        }
    }
}
