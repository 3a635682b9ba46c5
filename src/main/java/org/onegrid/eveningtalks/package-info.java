/**
 * Evening talks (乡村夜话, seed 004): a village or community plans a meeting, gathers its topics
 * beforehand from residents, grid workers, the village secretary and its own open cases, sends
 * the notice, opens with the progress of the last meeting's items, and minutes each topic as
 * settled on the spot (who does what by when) or forwarded to the town as a case, linked both
 * ways. Figures per village, town and district sit beside the assessment's.
 */
@ApplicationModule(allowedDependencies = {"cases", "directory", "grid", "calendar", "notify", "audit", "errors"})
package org.onegrid.eveningtalks;

import org.springframework.modulith.ApplicationModule;
