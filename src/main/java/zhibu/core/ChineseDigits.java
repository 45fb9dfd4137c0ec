package zhibu.core;

/** The value of one Chinese digit character (〇 ○ 零 → 0, 一 → 1, 二 两 → 2 … 九 → 9), shared by dates and numbers. */
public final class ChineseDigits {
    private ChineseDigits() {
    }

    /** The digit's value, or -1 when the character is not a Chinese digit. */
    public static int value(char c) {
        return switch (c) {
            case '〇', '○', '零', 'O' -> 0;
            case '一' -> 1;
            case '二', '两' -> 2;
            case '三' -> 3;
            case '四' -> 4;
            case '五' -> 5;
            case '六' -> 6;
            case '七' -> 7;
            case '八' -> 8;
            case '九' -> 9;
            default -> -1;
        };
    }
}
