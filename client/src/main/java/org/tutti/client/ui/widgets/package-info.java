/**
 * Small reusable Swing components: level meter, LED, drawn icons, wrapping texts, a length-limited document, and
 * keeping packed windows on the screen.
 */
package org.tutti.client.ui.widgets;
