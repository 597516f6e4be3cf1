package org.tutti.client.ui.chat;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ChatHtmlTest {
    @Test
    void keepsJamulusServerFormattingAndEscapedText() {
        String fromServer = "<font color=\"red\">(10:01:02 PM) <b>Alice</b></font> 1 &lt; 2";
        assertThat(ChatHtml.sanitize(fromServer))
                .isEqualTo("<font color=\"red\">(10:01:02 PM) <b>Alice</b></font> 1 &lt; 2");
    }

    @Test
    void removesImagesScriptsStylesAndEventHandlers() {
        String evil = "hi <img src=\"http://evil.example/x.png\"><script>alert(1)</script>"
                + "<style>body{background:url(http://evil.example/y)}</style>"
                + "<b onclick=\"steal()\" style=\"background:url(http://evil.example/z)\">bold</b>"
                + "<iframe src=\"http://evil.example\">inner</iframe><object data=x></object><link rel=stylesheet href=h>";
        String safe = ChatHtml.sanitize(evil);
        assertThat(safe).isEqualTo("hi <b>bold</b>");
        assertThat(safe).doesNotContain("evil.example", "script", "img", "onclick", "style", "inner");
    }

    @Test
    void keepsOnlyWebAndMailLinks() {
        assertThat(ChatHtml.sanitize("<a href=\"javascript:alert(1)\">x</a>")).isEqualTo("<a>x</a>");
        assertThat(ChatHtml.sanitize("<a href='https://jamulus.io/wiki'>wiki</a>"))
                .isEqualTo("<a href=\"https://jamulus.io/wiki\">wiki</a>");
        assertThat(ChatHtml.sanitize("<a href=\"file:///etc/passwd\">f</a>")).isEqualTo("<a>f</a>");
    }

    @Test
    void linksBareUrlsButNotInsideExistingLinks() {
        assertThat(ChatHtml.sanitize("see https://example.org/a?b=1, ok"))
                .isEqualTo("see <a href=\"https://example.org/a?b=1\">https://example.org/a?b=1</a>, ok");
        assertThat(ChatHtml.sanitize("<a href=\"https://x.org\">https://x.org</a>"))
                .isEqualTo("<a href=\"https://x.org\">https://x.org</a>");
    }

    @Test
    void escapesStrayAngleBracketsAndPlainText() {
        assertThat(ChatHtml.sanitize("a < b > c")).isEqualTo("a &lt; b &gt; c");
        assertThat(ChatHtml.escape("<b>\"x\" & 'y'</b>"))
                .isEqualTo("&lt;b&gt;&quot;x&quot; &amp; &#39;y&#39;&lt;/b&gt;");
    }

    @Test
    void unterminatedDroppedTagSwallowsTheRest() {
        assertThat(ChatHtml.sanitize("ok<script>never closed")).isEqualTo("ok");
    }
}
