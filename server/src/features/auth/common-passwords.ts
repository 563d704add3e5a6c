/**
 * Passwords refused however long they are: the most used ones from public
 * breach lists (short ones also fail the length rule, and stay for reuse of
 * this list elsewhere), common long variants that pass the length rule, and
 * names of this product. Compared lower-case. A short list on purpose: the
 * length rule does most of the work; a breached-password service can be
 * added later.
 */
export const COMMON_PASSWORDS: ReadonlySet<string> = new Set([
  "123456", "password", "12345678", "qwerty", "123456789", "12345", "1234", "111111", "1234567", "dragon", "123123",
  "baseball", "abc123", "football", "monkey", "letmein", "696969", "shadow", "master", "666666", "qwertyuiop",
  "123321", "mustang", "1234567890", "michael", "654321", "superman", "1qaz2wsx", "7777777", "121212", "000000",
  "qazwsx", "123qwe", "killer", "trustno1", "jordan", "jennifer", "zxcvbnm", "asdfgh", "hunter", "buster", "soccer",
  "harley", "batman", "andrew", "tigger", "sunshine", "iloveyou", "2000", "charlie", "robert", "thomas", "hockey",
  "ranger", "daniel", "starwars", "klaster", "112233", "george", "computer", "michelle", "jessica", "pepper", "1111",
  "zxcvbn", "555555", "11111111", "131313", "freedom", "777777", "pass", "maggie", "159753", "aaaaaa", "ginger",
  "princess", "joshua", "cheese", "amanda", "summer", "love", "ashley", "nicole", "chelsea", "biteme", "matthew",
  "access", "yankees", "987654321", "dallas", "austin", "thunder", "taylor", "matrix", "welcome", "admin", "login",
  "passw0rd", "abc123456", "password1", "password123", "qwerty123", "1q2w3e4r", "1q2w3e4r5t", "zaq12wsx",
  "q1w2e3r4t5", "123abc", "changeme", "secret", "password1234", "password12345", "password123456",
  "passwordpassword", "password1234567", "password123!", "p@ssw0rd1234", "p@ssword1234", "passw0rd1234",
  "123456789012", "1234567890123", "12345678901234", "123456123456", "123123123123", "111111111111", "000000000000",
  "121212121212", "qwertyuiop12", "qwertyuiop123", "qwerty123456", "qwertyqwerty", "qwerty12345678",
  "qwertyuiopasdf", "qwertyuiopasdfgh", "qwertyuiopasdfghjkl", "asdfghjklqwe", "asdfghjkl123", "zxcvbnm12345",
  "zxcvbnmasdfgh", "1q2w3e4r5t6y", "1q2w3e4r5t6y7u", "1qaz2wsx3edc", "1qaz2wsx3edc4rfv", "q1w2e3r4t5y6",
  "qazwsxedcrfv", "zaq1xsw2cde3", "1234qwerasdf", "1234567890qwe", "iloveyou1234", "iloveyouforever", "letmein12345",
  "letmeinplease", "welcome12345", "welcome123456", "welcometothejungle", "administrator", "administrator1",
  "admin1234567", "adminadmin123", "changeme1234", "changemeplease", "trustno1trustno1", "football1234",
  "baseball1234", "superman1234", "starwars1234", "monkey123456", "dragon123456", "sunshine1234", "princess1234",
  "whatever1234", "michael12345", "jennifer1234", "computer1234", "abcdefghijkl", "abcdefghijklm", "abcdefg12345",
  "abcd12345678", "abc123abc123", "aaaaaaaaaaaa", "987654321987", "987654321000", "0987654321qwerty",
  "correcthorsebatterystaple", "correct horse battery staple", "thequickbrownfox", "mypassword123", "mypassword1234",
  "secretpassword", "passwordsecret", "letmein123456", "iloveyou123456", "masterpassword", "finwright123",
  "finwright1234", "finwrightdemo", "demopassword1", "demopassword123", "testpassword", "test12345678",
  "testtesttest", "test1234test",
]);
