/**
 * The Connection Setup dialog: directory selector, server list (with "Show all musicians"), filter and address
 * history. Rows arrive through {@link org.tutti.client.ui.connect.ServerListSink} on the EDT.
 */
package org.tutti.client.ui.connect;
