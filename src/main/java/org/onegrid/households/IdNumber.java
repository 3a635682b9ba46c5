package org.onegrid.households;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;

/**
 * A resident identity card number (居民身份证号码, GB 11643): 18 characters, a 6-digit division
 * code, the birth date, a sequence, and a check character (0-9 or X) over the first 17.
 */
public final class IdNumber {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final char[] CHECK = {'1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'};

    private IdNumber() {
    }

    /** The number in its one written form (upper-case X, no spaces), or empty when it is none. */
    static Optional<String> normalised(String typed) {
        if (typed == null) {
            return Optional.empty();
        }
        String n = typed.strip().toUpperCase();
        return why(n) == null ? Optional.of(n) : Optional.empty();
    }

    /** Why a typed number is not an ID number, or null when it is one. */
    static String why(String typed) {
        if (typed == null || typed.isBlank()) {
            return "is required";
        }
        String n = typed.strip().toUpperCase();
        if (!n.matches("[0-9]{17}[0-9X]")) {
            return "must be 18 characters: 17 digits and a digit or X";
        }
        try {
            LocalDate born = LocalDate.of(Integer.parseInt(n.substring(6, 10)), Integer.parseInt(n.substring(10, 12)),
                    Integer.parseInt(n.substring(12, 14)));
            if (born.getYear() < 1880 || born.isAfter(LocalDate.now())) {
                return "holds a birth date out of range";
            }
        } catch (DateTimeException notADate) {
            return "holds no valid birth date";
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (n.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK[sum % 11] == n.charAt(17) ? null : "has a wrong check character (the last one)";
    }

    /** 320706199001011234 -> 320***********1234: the province and the last four only. */
    static String masked(String number) {
        return number.substring(0, 3) + "*".repeat(number.length() - 7) + number.substring(number.length() - 4);
    }

    /** The check character for 17 digits (for making valid numbers in demos and benchmarks). */
    public static char checkFor(String seventeenDigits) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (seventeenDigits.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK[sum % 11];
    }
}
