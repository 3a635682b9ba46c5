package org.onegrid.grid;

/**
 * One level of the territory tree (层级) as a deployment defines it: the four tiers of the
 * national layout under the names its people use, and grouping levels between them, such as a
 * town's managed areas (管区) in a four-level rural grid. A grouping level's codes are the
 * enclosing tier's code and two digits (8 digits below a district, 11 below a street or town);
 * its nodes hold the nodes below them by reference, and those keep their national codes.
 *
 * @param key        upper-case identifier, also stored on each node
 * @param nameZh     the name in Chinese
 * @param nameEn     the name in English
 * @param tier       the tier the rules address this level as, or null for a grouping level
 * @param codeLength the length of its codes (14 for base grids stands for 14 to 16)
 */
public record TerritoryLevel(String key, String nameZh, String nameEn, GridLevel tier, int codeLength) {

    public boolean grouping() {
        return tier == null;
    }

    /** Whether {@code code} has this level's length. */
    public boolean fits(GridCode code) {
        return tier == GridLevel.GRID ? code.level() == GridLevel.GRID : code.value().length() == codeLength;
    }
}
