/** Audio alerts: a short synthesised sound on a chat message or a musician joining, played off the EDT. */
package org.tutti.client.ui.alerts;
