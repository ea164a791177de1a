package dev.stowage.domain.placement;

import java.util.Comparator;

/** Orders ids as people read them: {@code i-2} before {@code i-10}; runs of digits compare by value. */
final class NaturalOrder implements Comparator<String> {
    static final NaturalOrder INSTANCE = new NaturalOrder();

    private NaturalOrder() {}

    @Override
    public int compare(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            char ca = a.charAt(i);
            char cb = b.charAt(j);
            if (Character.isDigit(ca) && Character.isDigit(cb)) {
                int ei = digitsEnd(a, i);
                int ej = digitsEnd(b, j);
                int byValue = compareDigits(a, i, ei, b, j, ej);
                if (byValue != 0) {
                    return byValue;
                }
                i = ei;
                j = ej;
            } else {
                if (ca != cb) {
                    return Character.compare(ca, cb);
                }
                i++;
                j++;
            }
        }
        int byRest = Integer.compare(a.length() - i, b.length() - j);
        return byRest != 0 ? byRest : a.compareTo(b);
    }

    private static int digitsEnd(String s, int from) {
        int k = from;
        while (k < s.length() && Character.isDigit(s.charAt(k))) {
            k++;
        }
        return k;
    }

    private static int compareDigits(String a, int from, int to, String b, int fromB, int toB) {
        int i = skipZeros(a, from, to);
        int j = skipZeros(b, fromB, toB);
        if (to - i != toB - j) {
            return Integer.compare(to - i, toB - j);
        }
        for (; i < to; i++, j++) {
            if (a.charAt(i) != b.charAt(j)) {
                return Character.compare(a.charAt(i), b.charAt(j));
            }
        }
        return 0;
    }

    private static int skipZeros(String s, int from, int to) {
        int k = from;
        while (k < to - 1 && s.charAt(k) == '0') {
            k++;
        }
        return k;
    }
}
