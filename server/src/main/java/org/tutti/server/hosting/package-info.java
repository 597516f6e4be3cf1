/**
 * Hosting from home: opening the server's UDP port on the home router (UPnP-IGD, NAT-PMP/PCP) and saying plainly
 * when that cannot work (a second NAT in front of the router). Runs on its own thread, never on the engine's.
 */
package org.tutti.server.hosting;
