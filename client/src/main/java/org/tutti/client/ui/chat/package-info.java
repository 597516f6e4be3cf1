/**
 * The chat window and the sanitising of the HTML servers send.
 */
package org.tutti.client.ui.chat;
