/**
 * The server's mix laws as pure functions over float frames: {@link org.tutti.server.mix.PersonalMixer} (gains,
 * level and delay panning, mono/stereo down- and up-mixing, clipping, as Jamulus 3.9.1 mixes) and
 * {@link org.tutti.server.mix.SourceFrame} (one source's frame in the views the laws need). No codecs, sockets or
 * threads: the engine decodes into these frames and encodes what the mixer writes.
 */
package org.tutti.server.mix;
