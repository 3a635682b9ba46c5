/**
 * Platform plumbing every module stands on: the embedded PostgreSQL server used when no
 * external database is configured, and the application clock.
 */
package org.onegrid.platform;
