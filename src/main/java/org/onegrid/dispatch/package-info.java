/**
 * One dispatch (一体派单): finding the unit that owns a case from its category and location.
 */
package org.onegrid.dispatch;
