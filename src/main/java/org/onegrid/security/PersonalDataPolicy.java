package org.onegrid.security;

import java.util.Set;
import org.onegrid.directory.Role;

/**
 * Who sees a reporter's name, phone and address unmasked (个人信息保护): the intake agents and
 * dispatchers of the command centre, who take calls and make rating calls. Everyone else sees
 * them masked (138****5678, 王**) and must ask to reveal them with a purpose, which is logged.
 */
public final class PersonalDataPolicy {

    private static final Set<Role> UNMASKED = Set.of(Role.INTAKE_AGENT, Role.DISPATCHER);

    private PersonalDataPolicy() {
    }

    public static boolean seesUnmasked(Role role) {
        return UNMASKED.contains(role);
    }

    /**
     * A mobile number of 11 digits or more keeps its first 3 and last 4 (138****5678); a shorter
     * number (a landline without its area code, an extension) keeps at most its last 4, and one
     * of 6 digits or fewer only its last 2 (none of 2 or fewer), so that a mask never shows most of a number.
     */
    public static String maskPhone(String phone) {
        if (phone == null) {
            return null;
        }
        String digits = phone.replaceAll("[^0-9]", "");
        int n = digits.length();
        if (n >= 11) {
            return digits.substring(0, 3) + "*".repeat(n - 7) + digits.substring(n - 4);
        }
        int shown = n > 6 ? 4 : n > 2 ? 2 : 0;
        return "*".repeat(n - shown) + digits.substring(n - shown);
    }

    /** 王先生 -> 王**: the first character only. */
    public static String maskName(String name) {
        if (name == null || name.isEmpty()) {
            return name;
        }
        int first = name.offsetByCodePoints(0, 1);
        return name.substring(0, first) + "*".repeat(Math.max(1, name.codePointCount(first, name.length())));
    }

    /** Keeps the first third of an address (the district, street or estate), masks the rest. */
    public static String maskAddress(String address) {
        if (address == null || address.isEmpty()) {
            return address;
        }
        int keep = address.codePointCount(0, address.length()) / 3;
        int cut = address.offsetByCodePoints(0, keep);
        return address.substring(0, cut) + "****";
    }
}
