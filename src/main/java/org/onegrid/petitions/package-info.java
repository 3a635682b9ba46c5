/**
 * Petitions and disputes (信访、矛盾纠纷): a petition is a case on the PETITION channel with its
 * record here: graded red, yellow or blue by the administrator's rules with the grade's clocks
 * and who is told (红黄蓝三级分类处置), linked to the same person's and the same matter's earlier
 * petitions (初信初访, repeats), taken by a leader with a task force and a plan (领导包案、一案一专班),
 * visited at home (带案下访), mediated by a community or town committee with a signed agreement
 * followed up (人民调解), and counted per grade, unit and street.
 */
@ApplicationModule(allowedDependencies = {"audit", "calendar", "cases", "directory", "errors", "notify"})
package org.onegrid.petitions;

import org.springframework.modulith.ApplicationModule;
