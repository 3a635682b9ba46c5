package org.onegrid.cases;

import java.util.List;

/** One page of a case list. */
record CasePage(List<Case> items, int page, int size, long total) {
}
