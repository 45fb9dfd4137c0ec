package zhibu.testing;

/** Character-level comparison by the shortest edit script (Myers): how much of two texts is the same. */
public final class TextDiff {
    private TextDiff() {
    }

    /** Characters the two texts have in common, in order (the length of their longest common subsequence). */
    public static int commonCharacters(String a, String b) {
        int n = a.length();
        int m = b.length();
        int max = n + m;
        int[] v = new int[2 * max + 2];
        for (int d = 0; d <= max; d++) {
            for (int k = -d; k <= d; k += 2) {
                int x = (k == -d || (k != d && v[max + k - 1] < v[max + k + 1])) ? v[max + k + 1] : v[max + k - 1] + 1;
                int y = x - k;
                while (x < n && y < m && a.charAt(x) == b.charAt(y)) {
                    x++;
                    y++;
                }
                v[max + k] = x;
                if (x >= n && y >= m) {
                    return (n + m - d) / 2;
                }
            }
        }
        return 0;
    }

    /** Share of the longer text's characters that the other text has too. */
    public static double similarity(String a, String b) {
        int longer = Math.max(a.length(), b.length());
        return longer == 0 ? 1 : (double) commonCharacters(a, b) / longer;
    }
}
