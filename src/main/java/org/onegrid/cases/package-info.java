/**
 * The case (事件/诉求/工单): one record per matter, its life cycle from intake to close, its
 * deadlines and its timeline. {@link org.onegrid.cases.Case} guards every transition; nothing
 * else writes a case's state.
 */
package org.onegrid.cases;
