/**
 * Test support (not exported by the package): a CVAT for images 1.1 file as CVAT writes it, with
 * one of everything the cross-format tests move between formats — boxes (one rotated), polygons,
 * a CVAT-RLE mask, a group of two polygons, a box grouped with a polygon, attributes of each input
 * type, a polyline, points, an ellipse, a skeleton and a tag — over two 64 × 48 images.
 */

/** The CVAT XML text. */
export const CVAT_CROSS_SAMPLE = `<?xml version="1.0" encoding="utf-8"?>
<annotations>
  <version>1.1</version>
  <meta>
    <task>
      <id>7</id>
      <name>cross</name>
      <size>2</size>
      <mode>annotation</mode>
      <overlap>0</overlap>
      <start_frame>0</start_frame>
      <stop_frame>1</stop_frame>
      <frame_filter></frame_filter>
      <labels>
        <label>
          <name>car</name>
          <color>#fa3253</color>
          <type>any</type>
          <attributes>
            <attribute>
              <name>parked</name>
              <mutable>False</mutable>
              <input_type>checkbox</input_type>
              <default_value>false</default_value>
              <values>false
true</values>
            </attribute>
            <attribute>
              <name>color</name>
              <mutable>False</mutable>
              <input_type>select</input_type>
              <default_value>red</default_value>
              <values>red
blue</values>
            </attribute>
          </attributes>
        </label>
        <label>
          <name>road</name>
          <color>#33ddff</color>
          <type>any</type>
          <attributes>
            <attribute>
              <name>lanes</name>
              <mutable>False</mutable>
              <input_type>number</input_type>
              <default_value>1</default_value>
              <values>1
8
1</values>
            </attribute>
          </attributes>
        </label>
        <label>
          <name>person</name>
          <color>#34d1b7</color>
          <type>skeleton</type>
          <attributes>
          </attributes>
          <svg>&lt;line x1="30" y1="30" x2="60" y2="60" data-type="edge" data-node-from="1" data-node-to="2"&gt;&lt;/line&gt;&lt;circle r="0.75" cx="30" cy="30" data-type="element node" data-element-id="1" data-node-id="1" data-label-name="head"&gt;&lt;/circle&gt;&lt;circle r="0.75" cx="60" cy="60" data-type="element node" data-element-id="2" data-node-id="2" data-label-name="foot"&gt;&lt;/circle&gt;</svg>
        </label>
        <label>
          <name>head</name>
          <color>#ddff33</color>
          <type>points</type>
          <attributes>
          </attributes>
          <parent>person</parent>
        </label>
        <label>
          <name>foot</name>
          <color>#ff6037</color>
          <type>points</type>
          <attributes>
          </attributes>
          <parent>person</parent>
        </label>
        <label>
          <name>weather</name>
          <color>#b83df5</color>
          <type>tag</type>
          <attributes>
          </attributes>
        </label>
      </labels>
    </task>
  </meta>
  <image id="0" name="a.png" width="64" height="48">
    <box label="car" source="manual" occluded="1" xtl="2.00" ytl="3.00" xbr="12.00" ybr="9.00" z_order="0">
      <attribute name="parked">true</attribute>
      <attribute name="color">blue</attribute>
    </box>
    <box label="car" source="manual" occluded="0" xtl="20.00" ytl="20.00" xbr="30.00" ybr="26.00" rotation="30.00" z_order="0">
      <attribute name="parked">false</attribute>
      <attribute name="color">red</attribute>
    </box>
    <polygon label="road" source="manual" occluded="0" points="0.00,30.00;40.00,30.00;40.00,47.00;0.00,47.00" z_order="0">
      <attribute name="lanes">3</attribute>
    </polygon>
    <polygon label="road" source="manual" occluded="0" points="44.00,30.00;60.00,30.00;60.00,40.00" z_order="0" group_id="1">
      <attribute name="lanes">2</attribute>
    </polygon>
    <polygon label="road" source="manual" occluded="0" points="44.00,42.00;60.00,42.00;60.00,47.00" z_order="0" group_id="1">
      <attribute name="lanes">2</attribute>
    </polygon>
    <polyline label="road" source="manual" occluded="0" points="1.00,1.00;10.00,10.00" z_order="0">
      <attribute name="lanes">1</attribute>
    </polyline>
    <tag label="weather" source="manual">
    </tag>
  </image>
  <image id="1" name="b.png" width="64" height="48">
    <mask label="car" source="manual" occluded="0" rle="3, 2, 2, 3, 1, 1" left="5" top="6" width="4" height="3" z_order="0">
      <attribute name="parked">false</attribute>
      <attribute name="color">red</attribute>
    </mask>
    <box label="car" source="manual" occluded="0" xtl="30.00" ytl="5.00" xbr="50.00" ybr="25.00" z_order="0" group_id="2">
      <attribute name="parked">false</attribute>
      <attribute name="color">red</attribute>
    </box>
    <polygon label="car" source="manual" occluded="0" points="32.00,6.00;48.00,6.00;48.00,24.00;32.00,24.00" z_order="0" group_id="2">
      <attribute name="parked">false</attribute>
      <attribute name="color">red</attribute>
    </polygon>
    <points label="road" source="manual" occluded="0" points="5.00,40.00" z_order="0">
      <attribute name="lanes">1</attribute>
    </points>
    <ellipse label="car" source="manual" occluded="0" cx="15.00" cy="35.00" rx="4.00" ry="3.00" z_order="0">
      <attribute name="parked">false</attribute>
      <attribute name="color">red</attribute>
    </ellipse>
    <skeleton label="person" source="manual" z_order="0">
      <points label="head" source="manual" outside="0" occluded="0" points="55.00,5.00">
      </points>
      <points label="foot" source="manual" outside="0" occluded="1" points="55.00,20.00">
      </points>
    </skeleton>
  </image>
</annotations>
`;
