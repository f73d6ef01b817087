# Checks a SARIF log against the required properties and types of the
# SARIF 2.1.0 schema (sarif-schema-2.1.0.json) for the objects mtaudit
# writes. Prints a list of violations; an empty list means valid.
#   jq -f tests/e2e/sarif-required.jq out.sarif
def need($o; $k; $t; $where):
  if ($o | type) != "object" then ["\($where): not an object"]
  elif ($o | has($k)) | not then ["\($where): missing required '\($k)'"]
  elif ($o[$k] | type) != $t then ["\($where).\($k): \($o[$k] | type), expected \($t)"]
  else [] end;
def message($m; $where):
  if ($m | type) != "object" then ["\($where): not an object"]
  elif ($m | has("text") or has("id")) | not then ["\($where): message needs 'text' or 'id'"]
  else [] end;
# An artifact location's uri: an RFC 3986 URI reference (only unreserved
# characters, gen-delims and sub-delims, and percent escapes), a file URI
# for an absolute path; a relative one may name its base (uriBaseId).
def uri($l; $where):
  if ($l | has("uri")) | not then []
  elif ($l.uri | type) != "string" then ["\($where).uri: not a string"]
  elif ($l.uri | test("^([A-Za-z0-9._~!$&'()*+,;=:@/?#\\[\\]-]|%[0-9A-Fa-f]{2})*$") | not) then ["\($where).uri: not a URI reference: \($l.uri)"]
  elif ($l.uri | startswith("/")) then ["\($where).uri: an absolute path, not a file URI: \($l.uri)"]
  elif ($l.uri | test("^[A-Za-z][A-Za-z0-9+.-]*:")) and (($l.uri | startswith("file:///")) | not) then ["\($where).uri: scheme other than file:///: \($l.uri)"]
  elif ($l | has("uriBaseId")) and ($l.uri | test("^[A-Za-z][A-Za-z0-9+.-]*:")) then ["\($where): uriBaseId with an absolute uri"]
  else [] end;
def region($r; $where):
  [ (if ($r | has("startLine")) and ($r.startLine < 1) then "\($where).startLine < 1" else empty end),
    (if ($r | has("startColumn")) and ($r.startColumn < 1) then "\($where).startColumn < 1" else empty end),
    (if ($r | has("byteOffset")) and ($r.byteOffset < 0) then "\($where).byteOffset < 0" else empty end),
    (if ($r | has("byteLength")) and ($r.byteLength < 0) then "\($where).byteLength < 0" else empty end),
    (if ($r | has("endLine")) and ($r.endLine < $r.startLine) then "\($where).endLine < startLine" else empty end) ];
. as $log
| need($log; "version"; "string"; "sarifLog")
+ (if $log.version != "2.1.0" then ["sarifLog.version is not 2.1.0"] else [] end)
+ need($log; "runs"; "array"; "sarifLog")
+ ([ $log.runs | to_entries[] | .key as $i | .value as $run
     | need($run; "tool"; "object"; "runs[\($i)]")
       + need($run.tool; "driver"; "object"; "runs[\($i)].tool")
       + need($run.tool.driver; "name"; "string"; "runs[\($i)].tool.driver")
       + ([ ($run.tool.driver.rules // []) | to_entries[]
            | need(.value; "id"; "string"; "runs[\($i)].tool.driver.rules[\(.key)]") ] | add // [])
       + ([ ($run.results // []) | to_entries[] | .key as $k | .value as $res
            | message($res.message; "runs[\($i)].results[\($k)].message")
              + (if ($res | has("ruleIndex")) and ($res.ruleIndex >= ($run.tool.driver.rules | length)) then ["runs[\($i)].results[\($k)].ruleIndex out of range"] else [] end)
              + (if ($res | has("ruleIndex")) and ($run.tool.driver.rules[$res.ruleIndex].id != $res.ruleId) then ["runs[\($i)].results[\($k)].ruleIndex does not point to ruleId"] else [] end)
              + (if ($res | has("level")) and (["none","note","warning","error"] | index($res.level) | not) then ["runs[\($i)].results[\($k)].level invalid"] else [] end)
              + ([ ($res.locations // [])[] | .physicalLocation | select(. != null)
                   | need(.; "artifactLocation"; "object"; "runs[\($i)].results[\($k)].physicalLocation")
                     + uri(.artifactLocation; "runs[\($i)].results[\($k)].artifactLocation")
                     + region(.region // {}; "runs[\($i)].results[\($k)].region") ] | add // [])
              + (if ($res | has("partialFingerprints")) and
                    (($res.partialFingerprints | type) != "object" or
                     ([ $res.partialFingerprints[] | type != "string" ] | any))
                 then ["runs[\($i)].results[\($k)].partialFingerprints: not an object of strings"] else [] end)
              + ([ ($res.fixes // []) | to_entries[] | .key as $f | .value as $fix
                   | "runs[\($i)].results[\($k)].fixes[\($f)]" as $w
                   | need($fix; "artifactChanges"; "array"; $w)
                     + (if ($fix.artifactChanges | length) < 1 then ["\($w).artifactChanges: empty"] else [] end)
                     + (if ($fix | has("description")) then message($fix.description; "\($w).description") else [] end)
                     + ([ ($fix.artifactChanges // [])[]
                          | need(.; "artifactLocation"; "object"; "\($w).artifactChanges[]")
                            + uri(.artifactLocation; "\($w).artifactChanges[].artifactLocation")
                            + need(.; "replacements"; "array"; "\($w).artifactChanges[]")
                            + (if (.replacements | length) < 1 then ["\($w).replacements: empty"] else [] end)
                            + ([ .replacements[]
                                 | need(.; "deletedRegion"; "object"; "\($w).replacements[]")
                                   + region(.deletedRegion; "\($w).deletedRegion")
                                   + (if has("insertedContent") then need(.insertedContent; "text"; "string"; "\($w).insertedContent") else [] end) ]
                               | add // []) ] | add // []) ] | add // [])
          ] | add // [])
       + ([ ($run.invocations // []) | to_entries[] | .key as $k | .value as $inv
            | need($inv; "executionSuccessful"; "boolean"; "runs[\($i)].invocations[\($k)]")
              + ([ ($inv.toolExecutionNotifications // [])[] | message(.message; "notification") ] | add // [])
          ] | add // [])
   ] | add // [])
