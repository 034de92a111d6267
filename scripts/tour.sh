#!/usr/bin/env bash
# The README's tour ("A tour with curl"), top to bottom: the demo accounts of
# `DEMO_PASSWORD=… npm run seed:demo` take one case from the 111 call to its closure, then a manager
# reads the statistics. Needs bash, curl and node (node reads fields of the JSON answers).
#   DEMO_PASSWORD=… scripts/tour.sh             (API=http://host:port/api/v1 for another service)
set -euo pipefail
API=${API:-http://localhost:3000/api/v1}
: "${DEMO_PASSWORD:?set DEMO_PASSWORD to the password given to npm run seed:demo}"

# api METHOD PATH TOKEN [BODY] [curl options…]: prints the answer's body; on an HTTP error shows it and stops.
api() {
  local args=(-sS -w '\n%{http_code}' -X "$1" "$API$2" -H 'content-type: application/json')
  if [[ -n ${3:-} ]]; then args+=(-H "authorization: Bearer $3"); fi
  if [[ -n ${4:-} ]]; then args+=(--data "$4"); fi
  local answer code
  answer=$(curl "${args[@]}" "${@:5}")
  code=${answer##*$'\n'}
  if ((code >= 400)); then
    echo "$1 $2 → $code ${answer%$'\n'*}" >&2
    exit 1
  fi
  answer=${answer%$'\n'*}
  if [[ -n $answer ]]; then printf '%s\n' "$answer"; else echo "$code"; fi
}
# field EXPRESSION: a value of the JSON on stdin, `it` being the JSON: … | field 'it.cases[0].id'
field() {
  local json
  json=$(cat)
  if [[ -z $json ]]; then return 1; fi # api has stopped and said why
  node -p "const it = JSON.parse(process.argv[1]); $1" "$json"
}
login() { api POST /auth/login '' "{\"username\": \"$1\", \"password\": \"$2\"}" | field it.accessToken; }
# step PATH TOKEN BODY: a workflow step on $CASE. The body carries the case version the caller last
# read; step adds it ("version": $VERSION) and keeps the version of the answer for the next step.
step() {
  local body answer
  body=$(node -p 'JSON.stringify({ version: Number(process.argv[1]), ...JSON.parse(process.argv[2]) })' "$VERSION" "$3")
  answer=$(api POST "/cases/$CASE/$1" "$2" "$body")
  VERSION=$(field it.version <<<"$answer")
  echo "$1 → $(field it.status <<<"$answer")"
}

api GET /health '' # {"status":"ok"}
api GET /codes '' | field 'Object.keys(it).join(", ")' # the code lists (labels in vi or en: ?lang=en)

# The admin (areas, users; no case data). The seed's accounts work as they are.
ADMIN=$(login demo.admin "$DEMO_PASSWORD")
api GET /users/me "$ADMIN"
api GET "/areas?parentCode=46&limit=3" "$ADMIN" | field 'it.items.map((a) => a.code + " " + a.name).join("\n")'
api GET "/population?areaCode=46&year=2025" "$ADMIN" | field '"children aged 0-15 in 46: " + it.children0to15'

# A user the admin creates gets a one-time password: its first login answers
# "passwordChangeRequired": true, and that token opens only POST /auth/password.
NEWCOMER=officer.$(date +%s)
api POST /users "$ADMIN" '{"username": "'"$NEWCOMER"'", "password": "one-time-password-1",
  "fullName": "Cán bộ Thử Nghiệm", "role": "commune_officer", "areaCode": "46001"}'
FIRST=$(login "$NEWCOMER" one-time-password-1)
api POST /auth/password "$FIRST" '{"currentPassword": "one-time-password-1", "newPassword": "a-password-of-my-own"}' # 204
login "$NEWCOMER" a-password-of-my-own >/dev/null && echo "$NEWCOMER signs in with a password of its own"

# The people of one case: the 111 operator, the commune officer and chair of commune 46001, the police.
HOTLINE=$(login demo.hotline_operator "$DEMO_PASSWORD")
OFFICER=$(login demo.commune_officer "$DEMO_PASSWORD")
CHAIR=$(login demo.commune_chair "$DEMO_PASSWORD")
POLICE=$(login demo.police "$DEMO_PASSWORD")

# 1. The 111 call (Mẫu 01; synthetic names). A retry with the same Idempotency-Key creates nothing new.
CASE=$(api POST /reports "$HOTLINE" '{
  "channel": "hotline_111", "category": "abuse", "form": "violence", "occurredAreaCode": "46001",
  "allegedPerpetrator": "parent", "description": "Hàng xóm nghe tiếng trẻ khóc và tiếng đánh",
  "children": [{"fullName": "Nguyễn Văn Thử", "dateOfBirth": "2015-03-04", "sex": "male",
                "residenceAreaCode": "46001"}],
  "reporter": {"name": "Người Báo Tin", "phone": "0900000000", "consentToContact": false}
}' -H "Idempotency-Key: tour-$(date +%s)" | field 'it.cases[0].id')
VERSION=$(api GET "/cases/$CASE" "$OFFICER" | field it.version)
echo "case $CASE, version $VERSION"

# 2. Initial assessment (Mẫu 02), due 12 h after receipt.
step initial-assessment "$OFFICER" '{"riskLevel": "high", "emergency": true, "notes": "Trẻ có vết bầm ở tay"}'
# 2b. The parent is the alleged abuser: emergency response within 12 h. Only the chair decides a separation.
step emergency-actions "$CHAIR" '{"type": "temporary_separation", "notes": "Trẻ ở tạm nhà bà ngoại"}'
# 3. Detailed assessment (Mẫu 03): the eight areas of Decree 56 Art. 27.
step detailed-assessment "$OFFICER" '{"riskLevel": "high", "substantiation": "substantiated", "findings": {
  "physicalEmotional": "Vết bầm ở tay, trẻ sợ hãi", "familyCapacity": "Mẹ muốn bảo vệ trẻ nhưng thiếu hỗ trợ",
  "riskFactors": "Bạo lực lặp lại khi cha say rượu", "schooling": "Đang học lớp 4, nghỉ học 3 ngày",
  "community": "Hàng xóm sẵn lòng hỗ trợ", "serviceNeeds": "Hỗ trợ tâm lý, nơi ở an toàn",
  "childViews": "Trẻ muốn ở với bà ngoại", "parentViews": "Mẹ đồng ý cho trẻ ở với bà ngoại"}}'
# 5. The plan (Mẫu 04): goals, and measures whose action is an intervention type of its agency (GET /codes).
DUE=$(node -p 'new Date(Date.now() + 14 * 864e5).toISOString()')
step plan "$OFFICER" '{"goals": ["Trẻ an toàn", "Trẻ đi học lại"], "measures": [
  {"agency": "police", "action": "investigation", "areaCode": "46", "dueAt": "'"$DUE"'"},
  {"agency": "health", "action": "psychological_support", "areaCode": "46001", "dueAt": "'"$DUE"'"}]}'
# 6. The chair approves (Mẫu 05): each measure becomes an intervention of its agency.
step plan/approve "$CHAIR" '{}'

# 7. The police see the case now (their part of it) and carry out their intervention, which has a version of its own.
WORK=$(api GET "/cases/$CASE" "$POLICE" | field 'it.interventions.find((i) => i.agency === "police").id')
api PATCH "/interventions/$WORK" "$POLICE" '{"status": "accepted", "version": 1}' | field it.status
api PATCH "/interventions/$WORK" "$POLICE" '{"status": "in_progress", "version": 2}' | field it.status
api PATCH "/interventions/$WORK" "$POLICE" '{"status": "completed", "version": 3,
  "outcome": "Đã xác minh; người cha cam kết không tái phạm"}' | field it.status

# The officer's view: the case, its deadlines, who read it.
api GET "/cases?childName=nguyen%20van%20thu" "$OFFICER" | field 'it.items.length + " case(s) of that child"'
api GET "/cases/$CASE" "$OFFICER" | field 'it.deadlines.map((d) => d.kind + (d.metAt ? " met" : " open")).join(", ")'
api GET "/deadlines?overdue=true" "$OFFICER" | field 'it.items.length + " overdue deadline(s)"'
api GET "/cases/$CASE/access-log" "$OFFICER" | field 'it.items.length + " access-log entries"'

# 8. The review (Mẫu 06) closes the case: no risk remains.
step review "$OFFICER" '{"outcome": "close", "notes": "Trẻ ổn định, đi học lại"}'

# Statistics for a manager of the province: children per 100,000, small counts suppressed.
MANAGER=$(login demo.manager "$DEMO_PASSWORD")
api GET "/statistics/rates?indicator=abuse&year=$(date +%Y)&areaCode=46" "$MANAGER"
# The auditor reads who did what to the case.
AUDITOR=$(login demo.auditor "$DEMO_PASSWORD")
api GET "/audit?caseId=$CASE&limit=3" "$AUDITOR" | field 'it.items.map((e) => e.username + " " + e.action).join("\n")'
