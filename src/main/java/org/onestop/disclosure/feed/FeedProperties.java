package org.onestop.disclosure.feed;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How feed and entry ids are minted: tag URIs (RFC 4151) stay the same when the portal moves to
 * another host name, so readers never see old documents as new ones.
 *
 * @param tagAuthority the domain name (owned by the portal's operator) in every tag URI
 * @param tagDate the date (year) on which the operator owned that name, fixed once chosen
 */
@ConfigurationProperties("onestop.disclosure.feed")
record FeedProperties(@DefaultValue("onestop.example") String tagAuthority, @DefaultValue("2026") String tagDate) {

    String tag(String specific) {
        return "tag:" + tagAuthority + "," + tagDate + ":" + specific;
    }
}
