/** My Government (我的政府): one page per person bringing together what the portal holds for them. */
package org.onestop.mygov;
