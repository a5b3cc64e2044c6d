/// Country names as data: one line per ISO 3166-1 alpha-2 code (plus XK for Kosovo), then every name the
/// lists may use for it, separated by "|": English and common variants, Bosnian/Croatian/Serbian (Latin),
/// Polish, German, French, Spanish, Italian, Turkish, Russian. Add a spelling by adding it to its line.
enum CountryNames {
    static let data = """
    AD	Andorra|Principality of Andorra|Andora|Andora|Andorra|Andorre|Andorra|Andorra|Andorra|Андорра
    AE	United Arab Emirates|UAE|U.A.E.|Emirates|Ujedinjeni Arapski Emirati|UAE|Zjednoczone Emiraty Arabskie|ZEA|Emiraty Arabskie|Vereinigte Arabische Emirate|Émirats arabes unis|Emiratos Árabes Unidos|Emirati Arabi Uniti|Birleşik Arap Emirlikleri|BAE|Объединённые Арабские Эмираты|ОАЭ
    AF	Afghanistan|Islamic Republic of Afghanistan|Afganistan|Afganistan|Afghanistan|Afghanistan|Afganistán|Afghanistan|Afganistan|Афганистан
    AG	Antigua and Barbuda|Antigua & Barbuda|Antigva i Barbuda|Antigua i Barbuda|Antigua und Barbuda|Antigua-et-Barbuda|Antigua y Barbuda|Antigua e Barbuda|Antigua ve Barbuda|Антигуа и Барбуда
    AI	Anguilla|Angvila|Anguilla|Anguilla|Anguilla|Anguila|Anguilla|Anguilla|Ангилья
    AL	Albania|Republic of Albania|Albanija|Albania|Albanien|Albanie|Albania|Albania|Arnavutluk|Албания
    AM	Armenia|Republic of Armenia|Armenija|Armenia|Armenien|Arménie|Armenia|Armenia|Ermenistan|Армения
    AO	Angola|Angola|Angola|Angola|Angola|Angola|Angola|Angola|Ангола
    AQ	Antarctica|Antarktik|Antarktika|Antarktyda|Antarktika|Antarctique|Antártida|Antartide|Antarktika|Антарктида
    AR	Argentina|Argentine Republic|Argentina|Argentyna|Argentinien|Argentine|Argentina|Argentina|Arjantin|Аргентина
    AS	American Samoa|Američka Samoa|Samoa Amerykańskie|Amerikanisch-Samoa|Samoa américaines|Samoa Americana|Samoa Americane|Американское Самоа
    AT	Austria|Republic of Austria|Austrija|Austria|Österreich|Autriche|Austria|Austria|Avusturya|Австрия
    AU	Australia|Commonwealth of Australia|Australija|Australia|Australien|Australie|Australia|Australia|Avustralya|Австралия
    AW	Aruba|Aruba|Aruba|Aruba|Aruba|Aruba|Aruba|Aruba|Аруба
    AX	Åland Islands|Aland|Olandska Ostrva|Alandska ostrva|Wyspy Alandzkie|Åland|Ålandinseln|Îles Åland|Islas Åland|Isole Åland|Åland Adaları|Аландские острова
    AZ	Azerbaijan|Republic of Azerbaijan|Azerbejdžan|Azerbajdžan|Azerbejdżan|Aserbaidschan|Azerbaïdjan|Azerbaiyán|Azerbaigian|Azerbaycan|Азербайджан
    BA	Bosnia and Herzegovina|Bosnia & Herzegovina|Bosnia-Herzegovina|Bosnia|BiH|B&H|Bosna i Hercegovina|Bosna i Hercegovina (BiH)|Bosna|Bosnia i Hercegowina|Bośnia i Hercegowina|Bośnia|Bosnien und Herzegowina|Bosnien-Herzegowina|Bosnie-Herzégovine|Bosnia y Herzegovina|Bosnia ed Erzegovina|Bosna-Hersek|Bosna Hersek|Босния и Герцеговина
    BB	Barbados|Barbados|Barbados|Barbados|Barbade|Barbados|Barbados|Barbados|Барбадос
    BD	Bangladesh|People's Republic of Bangladesh|Bangladeš|Bangladesz|Bangladesch|Bangladesh|Bangladés|Bangladesh|Bangladeş|Бангладеш
    BE	Belgium|Kingdom of Belgium|Belgija|Belgia|Belgien|Belgique|Bélgica|Belgio|Belçika|Бельгия
    BF	Burkina Faso|Burkina Faso|Burkina Faso|Burkina Faso|Burkina Faso|Burkina Faso|Burkina Faso|Burkina Faso|Буркина-Фасо
    BG	Bulgaria|Republic of Bulgaria|Bugarska|Bułgaria|Bulgarien|Bulgarie|Bulgaria|Bulgaria|Bulgaristan|Болгария
    BH	Bahrain|Kingdom of Bahrain|Bahrein|Bahrein|Bahrajn|Królestwo Bahrajnu|Bahrain|Bahreïn|Baréin|Bahrein|Bahreyn|Бахрейн
    BI	Burundi|Burundi|Burundi|Burundi|Burundi|Burundi|Burundi|Burundi|Бурунди
    BJ	Benin|Benin|Benin|Benin|Bénin|Benín|Benin|Benin|Бенин
    BL	Saint Barthélemy|St. Barthélemy|Sveti Bartolomej|Saint-Barthélemy|Saint-Barthélemy|San Bartolomé|Saint-Barthélemy|Сен-Бартелеми
    BM	Bermuda|Bermudi|Bermudy|Bermuda|Bermudes|Bermudas|Bermuda|Bermuda|Бермуды
    BN	Brunei|Brunei Darussalam|Brunej|Brunei|Brunei|Brunéi|Brunei|Bruney|Бруней
    BO	Bolivia|Plurinational State of Bolivia|Bolivija|Boliwia|Bolivien|Bolivie|Bolivia|Bolivia|Bolivya|Боливия
    BQ	Caribbean Netherlands|Bonaire, Sint Eustatius and Saba|Bonaire|Karipska Nizozemska|Bonaire, Sint Eustatius i Saba|Niderlandy Karaibskie|Karibische Niederlande|Pays-Bas caribéens|Caribe Neerlandés|Paesi Bassi caraibici|Карибские Нидерланды
    BR	Brazil|Federative Republic of Brazil|Brazil|Brazilija|Brazylia|Brasilien|Brésil|Brasil|Brasile|Brezilya|Бразилия
    BS	Bahamas|The Bahamas|Bahami|Bahamy|Bahamas|Bahamas|Bahamas|Bahamas|Bahamalar|Багамы|Багамские Острова
    BT	Bhutan|Butan|Bhutan|Bhoutan|Bután|Bhutan|Butan|Бутан
    BV	Bouvet Island|Ostrvo Bouvet|Wyspa Bouveta|Bouvetinsel|Île Bouvet|Isla Bouvet|Isola Bouvet|Остров Буве
    BW	Botswana|Bocvana|Botswana|Botsuana|Botswana|Botsuana|Botswana|Botsvana|Ботсвана
    BY	Belarus|Republic of Belarus|Byelorussia|Belorussia|Bjelorusija|Belorusija|Bělorusija|Białoruś|Weißrussland|Belarus|Biélorussie|Bielorrusia|Bielorussia|Belarus|Беларусь|Белоруссия|Республика Беларусь
    BZ	Belize|Belize|Belize|Belize|Belize|Belice|Belize|Belize|Белиз
    CA	Canada|Kanada|Kanada|Kanada|Canada|Canadá|Canada|Kanada|Канада
    CC	Cocos (Keeling) Islands|Cocos Islands|Kokosova Ostrva|Wyspy Kokosowe|Kokosinseln|Îles Cocos|Islas Cocos|Isole Cocos|Кокосовые острова
    CD	Democratic Republic of the Congo|DR Congo|DRC|Congo-Kinshasa|Congo, Democratic Republic of the|Demokratska Republika Kongo|DR Kongo|Demokratyczna Republika Konga|Demokratische Republik Kongo|République démocratique du Congo|RD Congo|República Democrática del Congo|Repubblica Democratica del Congo|Kongo Demokratik Cumhuriyeti|Демократическая Республика Конго|ДР Конго
    CF	Central African Republic|Centralnoafrička Republika|Republika Środkowoafrykańska|Zentralafrikanische Republik|République centrafricaine|República Centroafricana|Repubblica Centrafricana|Orta Afrika Cumhuriyeti|Центральноафриканская Республика
    CG	Republic of the Congo|Congo|Congo-Brazzaville|Congo, Republic of the|Kongo|Republika Kongo|Kongo|Republik Kongo|République du Congo|República del Congo|Repubblica del Congo|Kongo Cumhuriyeti|Республика Конго|Конго
    CH	Switzerland|Swiss Confederation|Švicarska|Švajcarska|Szwajcaria|Schweiz|Suisse|Suiza|Svizzera|İsviçre|Швейцария
    CI	Côte d'Ivoire|Ivory Coast|Cote d'Ivoire|Obala Slonovače|Wybrzeże Kości Słoniowej|Elfenbeinküste|Côte d'Ivoire|Costa de Marfil|Costa d'Avorio|Fildişi Sahili|Кот-д'Ивуар
    CK	Cook Islands|Kukova Ostrva|Wyspy Cooka|Cookinseln|Îles Cook|Islas Cook|Isole Cook|Острова Кука
    CL	Chile|Republic of Chile|Čile|Chile|Chile|Chili|Chile|Cile|Şili|Чили
    CM	Cameroon|Kamerun|Kamerun|Kamerun|Cameroun|Camerún|Camerun|Kamerun|Камерун
    CN	China|People's Republic of China|PRC|P.R. China|Mainland China|Kina|Narodna Republika Kina|NR Kina|Chiny|Chińska Republika Ludowa|ChRL|Volksrepublik China|Chine|République populaire de Chine|República Popular China|Cina|Repubblica Popolare Cinese|Çin|Çin Halk Cumhuriyeti|Китай|КНР
    CO	Colombia|Republic of Colombia|Kolumbija|Kolumbia|Kolumbien|Colombie|Colombia|Colombia|Kolombiya|Колумбия
    CR	Costa Rica|Kostarika|Kostaryka|Costa Rica|Costa Rica|Costa Rica|Costa Rica|Kosta Rika|Коста-Рика
    CU	Cuba|Republic of Cuba|Kuba|Kuba|Kuba|Cuba|Cuba|Cuba|Küba|Куба
    CV	Cabo Verde|Cape Verde|Zelenortska Ostrva|Zelenortska Republika|Republika Zielonego Przylądka|Wyspy Zielonego Przylądka|Kap Verde|Cap-Vert|Cabo Verde|Capo Verde|Yeşil Burun Adaları|Кабо-Верде
    CW	Curaçao|Curacao|Kurasao|Curaçao|Curaçao|Curazao|Curaçao|Кюрасао
    CX	Christmas Island|Božićno Ostrvo|Wyspa Bożego Narodzenia|Weihnachtsinsel|Île Christmas|Isla de Navidad|Isola di Natale|Остров Рождества
    CY	Cyprus|Republic of Cyprus|Kipar|Cypr|Zypern|Chypre|Chipre|Cipro|Kıbrıs|Güney Kıbrıs|Кипр
    CZ	Czechia|Czech Republic|The Czech Republic|Czech|Češka|Češka Republika|Republika Češka|Czechy|Republika Czeska|Tschechien|Tschechische Republik|Tchéquie|République tchèque|Chequia|República Checa|Cechia|Repubblica Ceca|Çekya|Çek Cumhuriyeti|Чехия|Чешская Республика
    DE	Germany|Federal Republic of Germany|Njemačka|Nemačka|Niemcy|Deutschland|Bundesrepublik Deutschland|Allemagne|Alemania|Germania|Almanya|Германия
    DJ	Djibouti|Džibuti|Dżibuti|Dschibuti|Djibouti|Yibuti|Gibuti|Cibuti|Джибути
    DK	Denmark|Kingdom of Denmark|Danska|Dania|Dänemark|Danemark|Dinamarca|Danimarca|Danimarka|Дания
    DM	Dominica|Commonwealth of Dominica|Dominika|Dominika|Dominica|Dominique|Dominica|Dominica|Dominika|Доминика
    DO	Dominican Republic|Dominikanska Republika|Dominikana|Republika Dominikańska|Dominikanische Republik|République dominicaine|República Dominicana|Repubblica Dominicana|Dominik Cumhuriyeti|Доминиканская Республика
    DZ	Algeria|People's Democratic Republic of Algeria|Alžir|Algeria|Algieria|Algerien|Algérie|Argelia|Algeria|Cezayir|Алжир
    EC	Ecuador|Republic of Ecuador|Ekvador|Ekwador|Ecuador|Équateur|Ecuador|Ecuador|Ekvador|Эквадор
    EE	Estonia|Republic of Estonia|Estonija|Estonia|Estland|Estonie|Estonia|Estonia|Estonya|Эстония
    EG	Egypt|Arab Republic of Egypt|Egipat|Egipt|Ägypten|Égypte|Egipto|Egitto|Mısır|Египет
    EH	Western Sahara|Zapadna Sahara|Sahara Zachodnia|Westsahara|Sahara occidental|Sahara Occidental|Sahara Occidentale|Batı Sahra|Западная Сахара
    ER	Eritrea|Eritreja|Erytrea|Eritrea|Érythrée|Eritrea|Eritrea|Eritre|Эритрея
    ES	Spain|Kingdom of Spain|Španija|Španjolska|Hiszpania|Spanien|Espagne|España|Spagna|İspanya|Испания
    ET	Ethiopia|Etiopija|Etiopia|Äthiopien|Éthiopie|Etiopía|Etiopia|Etiyopya|Эфиопия
    FI	Finland|Republic of Finland|Finska|Finlandia|Finnland|Finlande|Finlandia|Finlandia|Finlandiya|Финляндия
    FJ	Fiji|Fidži|Fidżi|Fidschi|Fidji|Fiyi|Figi|Fiji|Фиджи
    FK	Falkland Islands|Falklands|Falkland Islands (Malvinas)|Malvinas|Foklandska Ostrva|Falklandy|Falklandinseln|Îles Malouines|Islas Malvinas|Isole Falkland|Falkland Adaları|Фолклендские острова
    FM	Micronesia|Federated States of Micronesia|Micronesia, Federated States of|Mikronezija|Mikronezja|Mikronesien|Micronésie|Micronesia|Micronesia|Mikronezya|Микронезия
    FO	Faroe Islands|Faroes|Farska Ostrva|Farski otoci|Wyspy Owcze|Färöer|Îles Féroé|Islas Feroe|Isole Fær Øer|Faroe Adaları|Фарерские острова
    FR	France|French Republic|Francuska|Francja|Frankreich|Francia|Francia|Fransa|Франция
    GA	Gabon|Gabon|Gabon|Gabun|Gabon|Gabón|Gabon|Gabon|Габон
    GB	United Kingdom|UK|U.K.|United Kingdom of Great Britain and Northern Ireland|Great Britain|Britain|England|Scotland|Wales|Northern Ireland|Ujedinjeno Kraljevstvo|Velika Britanija|Engleska|Škotska|Vels|Sjeverna Irska|Wielka Brytania|Zjednoczone Królestwo|Anglia|Szkocja|Walia|Irlandia Północna|Vereinigtes Königreich|Großbritannien|Royaume-Uni|Grande-Bretagne|Angleterre|Reino Unido|Gran Bretaña|Inglaterra|Regno Unito|Gran Bretagna|Inghilterra|Birleşik Krallık|İngiltere|Великобритания|Соединённое Королевство|Англия
    GD	Grenada|Grenada|Grenada|Grenada|Grenade|Granada|Grenada|Grenada|Гренада
    GE	Georgia|Republic of Georgia|Gruzija|Gruzja|Georgien|Géorgie|Georgia|Georgia|Gürcistan|Грузия
    GF	French Guiana|Francuska Gvajana|Gujana Francuska|Französisch-Guayana|Guyane|Guyane française|Guayana Francesa|Guyana francese|Fransız Guyanası|Французская Гвиана
    GG	Guernsey|Gernzi|Guernsey|Guernesey|Гернси
    GH	Ghana|Gana|Ghana|Ghana|Ghana|Ghana|Ghana|Gana|Гана
    GI	Gibraltar|Gibraltar|Gibraltar|Gibraltar|Gibraltar|Cebelitarık|Гибралтар
    GL	Greenland|Grenland|Grenlandia|Grönland|Groenland|Groenlandia|Groenlandia|Grönland|Гренландия
    GM	Gambia|The Gambia|Gambija|Gambia|Gambia|Gambie|Gambia|Gambia|Gambiya|Гамбия
    GN	Guinea|Republic of Guinea|Gvineja|Gwinea|Guinea|Guinée|Guinea|Guinea|Gine|Гвинея
    GP	Guadeloupe|Gvadalupe|Gwadelupa|Guadeloupe|Guadalupe|Guadalupa|Гваделупа
    GQ	Equatorial Guinea|Ekvatorijalna Gvineja|Gwinea Równikowa|Äquatorialguinea|Guinée équatoriale|Guinea Ecuatorial|Guinea Equatoriale|Ekvator Ginesi|Экваториальная Гвинея
    GR	Greece|Hellenic Republic|Grčka|Grecja|Griechenland|Grèce|Grecia|Grecia|Yunanistan|Греция
    GS	South Georgia and the South Sandwich Islands|South Georgia|Južna Džordžija i Južna Sendvička Ostrva|Georgia Południowa i Sandwich Południowy|Südgeorgien und die Südlichen Sandwichinseln|Géorgie du Sud-et-les îles Sandwich du Sud|Islas Georgias del Sur y Sandwich del Sur|Южная Георгия и Южные Сандвичевы острова
    GT	Guatemala|Gvatemala|Gwatemala|Guatemala|Guatemala|Guatemala|Guatemala|Guatemala|Гватемала
    GU	Guam|Guam|Guam|Guam|Guam|Guam|Guam|Гуам
    GW	Guinea-Bissau|Gvineja Bisao|Gwinea Bissau|Guinea-Bissau|Guinée-Bissau|Guinea-Bisáu|Guinea-Bissau|Gine-Bissau|Гвинея-Бисау
    GY	Guyana|Gvajana|Gujana|Guyana|Guyana|Guyana|Guyana|Guyana|Гайана
    HK	Hong Kong|Hongkong|Hong Kong SAR|Hong Kong SAR China|Hong Kong, China|Hong Kong (China)|Hong Kong China|Hongkong|Hong Kong|Hongkong|Hong Kong|Hong Kong|Hong Kong|Hong Kong|Гонконг|Сянган
    HM	Heard Island and McDonald Islands|Ostrvo Heard i Ostrva McDonald|Wyspy Heard i McDonalda|Heard und McDonaldinseln|Îles Heard-et-MacDonald|Остров Херд и острова Макдональд
    HN	Honduras|Honduras|Honduras|Honduras|Honduras|Honduras|Honduras|Honduras|Гондурас
    HR	Croatia|Republic of Croatia|Hrvatska|Republika Hrvatska|Chorwacja|Kroatien|Croatie|Croacia|Croazia|Hırvatistan|Хорватия
    HT	Haiti|Haiti|Haiti|Haiti|Haïti|Haití|Haiti|Haiti|Гаити
    HU	Hungary|Mađarska|Madjarska|Węgry|Ungarn|Hongrie|Hungría|Ungheria|Macaristan|Венгрия
    ID	Indonesia|Republic of Indonesia|Indonezija|Indonezja|Indonesien|Indonésie|Indonesia|Indonesia|Endonezya|Индонезия
    IE	Ireland|Republic of Ireland|Irska|Irlandia|Irland|Irlande|Irlanda|Irlanda|İrlanda|Ирландия
    IL	Israel|State of Israel|Izrael|Izrael|Israel|Israël|Israel|Israele|İsrail|Израиль
    IM	Isle of Man|Ostrvo Man|Otok Man|Wyspa Man|Insel Man|Île de Man|Isla de Man|Isola di Man|Man Adası|Остров Мэн
    IN	India|Republic of India|Indija|Indie|Indien|Inde|India|India|Hindistan|Индия
    IO	British Indian Ocean Territory|Britanska Teritorija Indijskog Okeana|Brytyjskie Terytorium Oceanu Indyjskiego|Britisches Territorium im Indischen Ozean|Territoire britannique de l'océan Indien|Territorio Británico del Océano Índico|Британская территория в Индийском океане
    IQ	Iraq|Republic of Iraq|Kurdistan|Kurdistan Region|Kurdistan Region of Iraq|Iraqi Kurdistan|Irak|Irački Kurdistan|Irak|Kurdystan|Region Kurdystanu|Irak|Irak|Irak|Iraq|Irak|Ирак
    IR	Iran|Islamic Republic of Iran|Iran, Islamic Republic of|Persia|Iran|Islamska Republika Iran|Iran|Islamska Republika Iranu|Iran|Iran|Irán|Iran|İran|Иран
    IS	Iceland|Island|Islandia|Island|Islande|Islandia|Islanda|İzlanda|Исландия
    IT	Italy|Italian Republic|Italija|Włochy|Italien|Italie|Italia|Italia|İtalya|Италия
    JE	Jersey|Džerzi|Jersey|Jersey|Джерси
    JM	Jamaica|Jamajka|Jamajka|Jamaika|Jamaïque|Jamaica|Giamaica|Jamaika|Ямайка
    JO	Jordan|Hashemite Kingdom of Jordan|Jordan|Jordanija|Jordania|Jordanien|Jordanie|Jordania|Giordania|Ürdün|Иордания
    JP	Japan|Japan|Japan|Japonia|Japan|Japon|Japón|Giappone|Japonya|Япония
    KE	Kenya|Kenija|Kenia|Kenia|Kenya|Kenia|Kenya|Kenya|Кения
    KG	Kyrgyzstan|Kyrgyz Republic|Kirghizia|Kirgizstan|Kirgistan|Kirgiska Republika|Kirgistan|Kirgizja|Kirgisistan|Kirghizistan|Kirguistán|Kirghizistan|Kırgızistan|Киргизия|Кыргызстан
    KH	Cambodia|Kingdom of Cambodia|Kambodža|Kambodża|Kambodscha|Cambodge|Camboya|Cambogia|Kamboçya|Камбоджа
    KI	Kiribati|Kiribati|Kiribati|Kiribati|Kiribati|Kiribati|Kiribati|Kiribati|Кирибати
    KM	Comoros|Komori|Komory|Komoren|Comores|Comore|Komorlar|Коморы
    KN	Saint Kitts and Nevis|St. Kitts and Nevis|St Kitts and Nevis|Sveti Kristofor i Nevis|Saint Kitts i Nevis|St. Kitts und Nevis|Saint-Christophe-et-Niévès|San Cristóbal y Nieves|Saint Kitts e Nevis|Сент-Китс и Невис
    KP	North Korea|Democratic People's Republic of Korea|DPRK|Korea, Democratic People's Republic of|Sjeverna Koreja|Severna Koreja|Korea Północna|Koreańska Republika Ludowo-Demokratyczna|KRLD|Nordkorea|Corée du Nord|Corea del Norte|Corea del Nord|Kuzey Kore|Северная Корея|КНДР
    KR	South Korea|Korea|Republic of Korea|Korea, Republic of|Korea (South)|Korea South|Korea Republic|Južna Koreja|Republika Koreja|Koreja|Korea Południowa|Republika Korei|Korea Płd.|Südkorea|Corée du Sud|Corée|Corea del Sur|Corea|Corea del Sud|Güney Kore|Kore|Южная Корея|Республика Корея|Корея
    KW	Kuwait|State of Kuwait|Kuvajt|Kuwejt|Kuwait|Koweït|Kuwait|Kuwait|Kuveyt|Кувейт
    KY	Cayman Islands|Kajmanska Ostrva|Kajmanski otoci|Kajmany|Caymaninseln|Îles Caïmans|Islas Caimán|Isole Cayman|Cayman Adaları|Каймановы острова
    KZ	Kazakhstan|Republic of Kazakhstan|Kazahstan|Kazakstan|Kazachstan|Kasachstan|Kazakhstan|Kazajistán|Kazajstán|Kazakistan|Kazakistan|Казахстан
    LA	Laos|Lao People's Democratic Republic|Lao PDR|Laos|Laos|Laos|Laos|Laos|Laos|Лаос
    LB	Lebanon|Lebanese Republic|Liban|Liban|Libanon|Liban|Líbano|Libano|Lübnan|Ливан
    LC	Saint Lucia|St. Lucia|St Lucia|Sveta Lucija|Saint Lucia|St. Lucia|Sainte-Lucie|Santa Lucía|Saint Lucia|Сент-Люсия
    LI	Liechtenstein|Lihtenštajn|Liechtenstein|Liechtenstein|Liechtenstein|Liechtenstein|Liechtenstein|Lihtenştayn|Лихтенштейн
    LK	Sri Lanka|Šri Lanka|Sri Lanka|Sri Lanka|Sri Lanka|Sri Lanka|Sri Lanka|Sri Lanka|Шри-Ланка
    LR	Liberia|Liberija|Liberia|Liberia|Libéria|Liberia|Liberia|Liberya|Либерия
    LS	Lesotho|Lesoto|Lesotho|Lesotho|Lesotho|Lesoto|Lesotho|Lesotho|Лесото
    LT	Lithuania|Republic of Lithuania|Litvanija|Litva|Litwa|Litauen|Lituanie|Lituania|Lituania|Litvanya|Литва
    LU	Luxembourg|Luxemburg|Luksemburg|Luxemburg|Luxembourg|Luxemburgo|Lussemburgo|Lüksemburg|Люксембург
    LV	Latvia|Republic of Latvia|Latvija|Letonija|Łotwa|Lettland|Lettonie|Letonia|Lettonia|Letonya|Латвия
    LY	Libya|State of Libya|Libija|Libia|Libyen|Libye|Libia|Libia|Libya|Ливия
    MA	Morocco|Kingdom of Morocco|Maroko|Maroko|Marokko|Maroc|Marruecos|Marocco|Fas|Марокко
    MC	Monaco|Monako|Monako|Monaco|Monaco|Mónaco|Monaco|Monako|Монако
    MD	Moldova|Republic of Moldova|Moldavia|Moldavija|Mołdawia|Republika Mołdawii|Moldau|Republik Moldau|Moldavie|Moldavia|Moldavia|Moldova|Молдавия|Молдова
    ME	Montenegro|Crna Gora|Czarnogóra|Montenegro|Monténégro|Montenegro|Montenegro|Karadağ|Черногория
    MF	Saint Martin|Saint Martin (French part)|St. Martin|Sveti Martin|Saint-Martin|Saint-Martin|San Martín|Saint-Martin|Сен-Мартен
    MG	Madagascar|Madagaskar|Madagaskar|Madagaskar|Madagascar|Madagascar|Madagascar|Madagaskar|Мадагаскар
    MH	Marshall Islands|Maršalova Ostrva|Wyspy Marshalla|Marshallinseln|Îles Marshall|Islas Marshall|Isole Marshall|Marshall Adaları|Маршалловы Острова
    MK	North Macedonia|Macedonia|Republic of North Macedonia|Republic of Macedonia|FYROM|Former Yugoslav Republic of Macedonia|Sjeverna Makedonija|Severna Makedonija|Makedonija|Macedonia Północna|Republika Macedonii Północnej|Nordmazedonien|Mazedonien|Macédoine du Nord|Macédoine|Macedonia del Norte|Macedonia del Nord|Kuzey Makedonya|Makedonya|Северная Македония|Македония
    ML	Mali|Mali|Mali|Mali|Mali|Malí|Mali|Mali|Мали
    MM	Myanmar|Burma|Mjanmar|Burma|Mjanma|Birma|Myanmar|Birmanie|Myanmar|Birmania|Myanmar|Мьянма|Бирма
    MN	Mongolia|Mongolija|Mongolia|Mongolei|Mongolie|Mongolia|Mongolia|Moğolistan|Монголия
    MO	Macao|Macau|Makao|Makau|Makau|Macao|Macao|Macao|Macao|Makao|Макао
    MP	Northern Mariana Islands|Sjeverna Marijanska Ostrva|Mariany Północne|Nördliche Marianen|Îles Mariannes du Nord|Islas Marianas del Norte|Isole Marianne Settentrionali|Северные Марианские острова
    MQ	Martinique|Martinik|Martynika|Martinique|Martinique|Martinica|Martinica|Martinik|Мартиника
    MR	Mauritania|Mauritanija|Mauretania|Mauretanien|Mauritanie|Mauritania|Mauritania|Moritanya|Мавритания
    MS	Montserrat|Montserat|Montserrat|Montserrat|Montserrat|Montserrat|Montserrat|Монтсеррат
    MT	Malta|Republic of Malta|Malta|Malta|Malta|Malte|Malta|Malta|Malta|Мальта
    MU	Mauritius|Mauricijus|Mauritius|Mauritius|Maurice|Mauricio|Mauritius|Mauritius|Маврикий
    MV	Maldives|Maldivi|Malediwy|Malediven|Maldives|Maldivas|Maldive|Maldivler|Мальдивы
    MW	Malawi|Malavi|Malawi|Malawi|Malawi|Malaui|Malawi|Malavi|Малави
    MX	Mexico|United Mexican States|Meksiko|Meksyk|Mexiko|Mexique|México|Mexico|Messico|Meksika|Мексика
    MY	Malaysia|Malezija|Malajzija|Malezja|Malaysia|Malaisie|Malasia|Malaysia|Malesia|Malezya|Малайзия
    MZ	Mozambique|Mozambik|Mozambik|Mosambik|Mozambique|Mozambique|Mozambico|Mozambik|Мозамбик
    NA	Namibia|Namibija|Namibia|Namibia|Namibie|Namibia|Namibia|Namibya|Намибия
    NC	New Caledonia|Nova Kaledonija|Nowa Kaledonia|Neukaledonien|Nouvelle-Calédonie|Nueva Caledonia|Nuova Caledonia|Yeni Kaledonya|Новая Каледония
    NE	Niger|Niger|Niger|Niger|Niger|Níger|Niger|Nijer|Нигер
    NF	Norfolk Island|Ostrvo Norfolk|Norfolk|Norfolkinsel|Île Norfolk|Isla Norfolk|Isola Norfolk|Остров Норфолк
    NG	Nigeria|Federal Republic of Nigeria|Nigerija|Nigeria|Nigeria|Nigéria|Nigeria|Nigeria|Nijerya|Нигерия
    NI	Nicaragua|Nikaragva|Nikaragua|Nicaragua|Nicaragua|Nicaragua|Nicaragua|Nikaragua|Никарагуа
    NL	Netherlands|The Netherlands|Holland|Kingdom of the Netherlands|Nizozemska|Holandija|Holandia|Niderlandy|Niederlande|Pays-Bas|Países Bajos|Holanda|Paesi Bassi|Olanda|Hollanda|Нидерланды|Голландия
    NO	Norway|Kingdom of Norway|Norveška|Norwegia|Norwegen|Norvège|Noruega|Norvegia|Norveç|Норвегия
    NP	Nepal|Nepal|Nepal|Nepal|Népal|Nepal|Nepal|Nepal|Непал
    NR	Nauru|Nauru|Nauru|Nauru|Nauru|Nauru|Nauru|Nauru|Науру
    NU	Niue|Niue|Niue|Niue|Niue|Niue|Niue|Ниуэ
    NZ	New Zealand|Novi Zeland|Nowa Zelandia|Neuseeland|Nouvelle-Zélande|Nueva Zelanda|Nuova Zelanda|Yeni Zelanda|Новая Зеландия
    OM	Oman|Sultanate of Oman|Oman|Oman|Oman|Oman|Omán|Oman|Umman|Оман
    PA	Panama|Panama|Panama|Panama|Panama|Panamá|Panamá|Panama|Panama|Панама
    PE	Peru|Republic of Peru|Peru|Peru|Peru|Pérou|Perú|Perù|Peru|Перу
    PF	French Polynesia|Francuska Polinezija|Polinezja Francuska|Französisch-Polynesien|Polynésie française|Polinesia Francesa|Polinesia francese|Fransız Polinezyası|Французская Полинезия
    PG	Papua New Guinea|Papua Nova Gvineja|Papua-Nowa Gwinea|Papua-Neuguinea|Papouasie-Nouvelle-Guinée|Papúa Nueva Guinea|Papua Nuova Guinea|Papua Yeni Gine|Папуа — Новая Гвинея|Папуа-Новая Гвинея
    PH	Philippines|The Philippines|Republic of the Philippines|Filipini|Filipiny|Philippinen|Philippines|Filipinas|Filippine|Filipinler|Филиппины
    PK	Pakistan|Islamic Republic of Pakistan|Pakistan|Pakistan|Pakistan|Pakistan|Pakistán|Pakistan|Pakistan|Пакистан
    PL	Poland|Republic of Poland|Poljska|Polska|Rzeczpospolita Polska|Polen|Pologne|Polonia|Polonia|Polonya|Польша
    PM	Saint Pierre and Miquelon|Sveti Petar i Mikelon|Saint-Pierre i Miquelon|Saint-Pierre und Miquelon|Saint-Pierre-et-Miquelon|San Pedro y Miquelón|Saint-Pierre e Miquelon|Сен-Пьер и Микелон
    PN	Pitcairn|Pitcairn Islands|Pitkern|Pitcairn|Pitcairninseln|Îles Pitcairn|Islas Pitcairn|Isole Pitcairn|Острова Питкэрн
    PR	Puerto Rico|Portoriko|Puerto Rico|Portoryko|Puerto Rico|Porto Rico|Puerto Rico|Porto Rico|Porto Riko|Пуэрто-Рико
    PS	Palestine|State of Palestine|Palestinian Territories|Palestinian Territory|Palestine, State of|Gaza|West Bank|Palestina|Palestina|Palestyna|Autonomia Palestyńska|Palästina|Palestine|Palestina|Palestina|Filistin|Палестина
    PT	Portugal|Portuguese Republic|Portugal|Portugalija|Portugalia|Portugal|Portugal|Portugal|Portogallo|Portekiz|Португалия
    PW	Palau|Palau|Palau|Palau|Palaos|Palaos|Palau|Palau|Палау
    PY	Paraguay|Republic of Paraguay|Paragvaj|Paragwaj|Paraguay|Paraguay|Paraguay|Paraguay|Paraguay|Парагвай
    QA	Qatar|State of Qatar|Katar|Katar|Katar|Qatar|Catar|Qatar|Katar|Катар
    RE	Réunion|Reunion|Reunion|Reunion|Réunion|Reunión|Riunione|Реюньон
    RO	Romania|Rumunija|Rumunjska|Rumunia|Rumänien|Roumanie|Rumania|Romania|Romanya|Румыния
    RS	Serbia|Republic of Serbia|Srbija|Republika Srbija|Serbia|Serbien|Serbie|Serbia|Serbia|Sırbistan|Сербия
    RU	Russia|Russian Federation|Rusija|Ruska Federacija|Rosja|Federacja Rosyjska|Russland|Russische Föderation|Russie|Fédération de Russie|Rusia|Russia|Federazione Russa|Rusya|Rusya Federasyonu|Россия|Российская Федерация|РФ
    RW	Rwanda|Ruanda|Rwanda|Ruanda|Rwanda|Ruanda|Ruanda|Ruanda|Руанда
    SA	Saudi Arabia|Kingdom of Saudi Arabia|KSA|Saudijska Arabija|Arabia Saudyjska|Królestwo Arabii Saudyjskiej|Saudi-Arabien|Arabie saoudite|Arabia Saudita|Arabia Saudita|Suudi Arabistan|Саудовская Аравия
    SB	Solomon Islands|Solomonska Ostrva|Salomonova Ostrva|Wyspy Salomona|Salomonen|Îles Salomon|Islas Salomón|Isole Salomone|Solomon Adaları|Соломоновы Острова
    SC	Seychelles|Sejšeli|Seszele|Seychellen|Seychelles|Seychelles|Seychelles|Seyşeller|Сейшельские Острова|Сейшелы
    SD	Sudan|The Sudan|Republic of the Sudan|Sudan|Sudan|Sudan|Soudan|Sudán|Sudan|Sudan|Судан
    SE	Sweden|Kingdom of Sweden|Švedska|Szwecja|Schweden|Suède|Suecia|Svezia|İsveç|Швеция
    SG	Singapore|Republic of Singapore|Singapur|Singapur|Singapur|Singapour|Singapur|Singapore|Singapur|Сингапур
    SH	Saint Helena|Saint Helena, Ascension and Tristan da Cunha|St. Helena|Sveta Helena|Wyspa Świętej Heleny|St. Helena|Sainte-Hélène|Santa Elena|Sant'Elena|Остров Святой Елены
    SI	Slovenia|Republic of Slovenia|Slovenija|Słowenia|Slowenien|Slovénie|Eslovenia|Slovenia|Slovenya|Словения
    SJ	Svalbard and Jan Mayen|Svalbard|Svalbard i Jan Mayen|Svalbard und Jan Mayen|Svalbard et Jan Mayen|Svalbard y Jan Mayen|Svalbard e Jan Mayen|Шпицберген и Ян-Майен
    SK	Slovakia|Slovak Republic|Slovačka|Słowacja|Slowakei|Slovaquie|Eslovaquia|Slovacchia|Slovakya|Словакия
    SL	Sierra Leone|Sijera Leone|Sierra Leone|Sierra Leone|Sierra Leone|Sierra Leona|Sierra Leone|Sierra Leone|Сьерра-Леоне
    SM	San Marino|San Marino|San Marino|San Marino|Saint-Marin|San Marino|San Marino|San Marino|Сан-Марино
    SN	Senegal|Senegal|Senegal|Senegal|Sénégal|Senegal|Senegal|Senegal|Сенегал
    SO	Somalia|Somalija|Somalia|Somalia|Somalie|Somalia|Somalia|Somali|Сомали
    SR	Suriname|Surinam|Surinam|Surinam|Suriname|Surinam|Suriname|Surinam|Суринам
    SS	South Sudan|Južni Sudan|Sudan Południowy|Südsudan|Soudan du Sud|Sudán del Sur|Sudan del Sud|Güney Sudan|Южный Судан
    ST	Sao Tome and Principe|São Tomé and Príncipe|Sao Tome i Principe|Wyspy Świętego Tomasza i Książęca|São Tomé und Príncipe|Sao Tomé-et-Principe|Santo Tomé y Príncipe|São Tomé e Príncipe|Сан-Томе и Принсипи
    SV	El Salvador|Salvador|Salvador|Salwador|El Salvador|Salvador|El Salvador|El Salvador|El Salvador|Сальвадор
    SX	Sint Maarten|Sint Maarten (Dutch part)|Sveti Martin (Nizozemska)|Sint Maarten|Saint-Martin (partie néerlandaise)|Синт-Мартен
    SY	Syria|Syrian Arab Republic|Sirija|Syria|Syrien|Syrie|Siria|Siria|Suriye|Сирия
    SZ	Eswatini|Swaziland|Esvatini|Svazilend|Eswatini|Suazi|Eswatini|Swasiland|Eswatini|Esuatini|Esvatini|Эсватини|Свазиленд
    TC	Turks and Caicos Islands|Turks and Caicos|Turks i Kaikos|Turks i Caicos|Turks- und Caicosinseln|Îles Turques-et-Caïques|Islas Turcas y Caicos|Isole Turks e Caicos|Теркс и Кайкос
    TD	Chad|Čad|Czad|Tschad|Tchad|Chad|Ciad|Çad|Чад
    TF	French Southern Territories|French Southern and Antarctic Lands|Francuske Južne Teritorije|Francuskie Terytoria Południowe i Antarktyczne|Französische Süd- und Antarktisgebiete|Terres australes et antarctiques françaises|Французские Южные и Антарктические территории
    TG	Togo|Togo|Togo|Togo|Togo|Togo|Togo|Togo|Того
    TH	Thailand|Kingdom of Thailand|Tajland|Tajlandia|Thailand|Thaïlande|Tailandia|Thailandia|Tayland|Таиланд
    TJ	Tajikistan|Republic of Tajikistan|Tadžikistan|Tadżykistan|Tadschikistan|Tadjikistan|Tayikistán|Tagikistan|Tacikistan|Таджикистан
    TK	Tokelau|Tokelau|Tokelau|Tokelau|Tokelau|Tokelau|Tokelau|Токелау
    TL	Timor-Leste|East Timor|Istočni Timor|Timor Wschodni|Osttimor|Timor oriental|Timor Oriental|Timor Est|Doğu Timor|Восточный Тимор
    TM	Turkmenistan|Turkmenistan|Turkmenistan|Turkmenistan|Turkménistan|Turkmenistán|Turkmenistan|Türkmenistan|Туркмения|Туркменистан
    TN	Tunisia|Tunis|Republic of Tunisia|Tunis|Tunis|Tunezja|Tunesien|Tunisie|Túnez|Tunisia|Tunus|Тунис
    TO	Tonga|Tonga|Tonga|Tonga|Tonga|Tonga|Tonga|Tonga|Тонга
    TR	Türkiye|Turkey|Turkiye|Republic of Türkiye|Republic of Turkey|Turska|Republika Turska|Turcja|Türkei|Turquie|Turquía|Turchia|Türkiye Cumhuriyeti|Турция
    TT	Trinidad and Tobago|Trinidad & Tobago|Trinidad i Tobago|Trynidad i Tobago|Trinidad und Tobago|Trinité-et-Tobago|Trinidad y Tobago|Trinidad e Tobago|Trinidad ve Tobago|Тринидад и Тобаго
    TV	Tuvalu|Tuvalu|Tuvalu|Tuvalu|Tuvalu|Tuvalu|Tuvalu|Tuvalu|Тувалу
    TW	Taiwan|Republic of China|Taiwan, Province of China|Chinese Taipei|Tajvan|Tajwan|Republika Chińska|Taiwan|Taïwan|Taiwán|Taiwan|Tayvan|Тайвань
    TZ	Tanzania|United Republic of Tanzania|Tanzanija|Tanzania|Tansania|Tanzanie|Tanzania|Tanzania|Tanzanya|Танзания
    UA	Ukraine|Ukrajina|Ukraina|Ukraine|Ukraine|Ucrania|Ucraina|Ukrayna|Украина
    UG	Uganda|Uganda|Uganda|Uganda|Ouganda|Uganda|Uganda|Uganda|Уганда
    UM	United States Minor Outlying Islands|U.S. Minor Outlying Islands|Mala udaljena ostrva SAD-a|Dalekie Wyspy Mniejsze Stanów Zjednoczonych|Kleinere Amerikanische Überseeinseln|Îles mineures éloignées des États-Unis|Внешние малые острова США
    US	United States|United States of America|USA|U.S.A.|US|U.S.|America|the United States|Sjedinjene Američke Države|Sjedinjene Države|SAD|Amerika|Stany Zjednoczone|Stany Zjednoczone Ameryki|Stany Zjednoczone (USA)|Vereinigte Staaten|Vereinigte Staaten von Amerika|États-Unis|États-Unis d'Amérique|Estados Unidos|EE. UU.|EEUU|Stati Uniti|Stati Uniti d'America|Amerika Birleşik Devletleri|ABD|США|Соединённые Штаты Америки|Соединенные Штаты
    UY	Uruguay|Urugvaj|Urugwaj|Uruguay|Uruguay|Uruguay|Uruguay|Uruguay|Уругвай
    UZ	Uzbekistan|Republic of Uzbekistan|Uzbekistan|Uzbekistan|Usbekistan|Ouzbékistan|Uzbekistán|Uzbekistan|Özbekistan|Узбекистан
    VA	Vatican City|Vatican|Holy See|Vatikan|Sveta Stolica|Watykan|Stolica Apostolska|Vatikanstadt|Vatican|Saint-Siège|Ciudad del Vaticano|Vaticano|Città del Vaticano|Santa Sede|Vatikan|Ватикан
    VC	Saint Vincent and the Grenadines|St. Vincent and the Grenadines|Sveti Vincent i Grenadini|Saint Vincent i Grenadyny|St. Vincent und die Grenadinen|Saint-Vincent-et-les-Grenadines|San Vicente y las Granadinas|Saint Vincent e Grenadine|Сент-Винсент и Гренадины
    VE	Venezuela|Bolivarian Republic of Venezuela|Venecuela|Wenezuela|Venezuela|Venezuela|Venezuela|Venezuela|Venezuela|Венесуэла
    VG	British Virgin Islands|Virgin Islands (British)|Virgin Islands, British|Britanska Djevičanska Ostrva|Britanski Djevičanski otoci|Brytyjskie Wyspy Dziewicze|Britische Jungferninseln|Îles Vierges britanniques|Islas Vírgenes Británicas|Isole Vergini britanniche|Britanya Virjin Adaları|Британские Виргинские острова
    VI	U.S. Virgin Islands|US Virgin Islands|United States Virgin Islands|Virgin Islands (U.S.)|Virgin Islands, U.S.|Američka Djevičanska Ostrva|Wyspy Dziewicze Stanów Zjednoczonych|Amerikanische Jungferninseln|Îles Vierges des États-Unis|Islas Vírgenes de los Estados Unidos|Isole Vergini americane|Виргинские острова США
    VN	Vietnam|Viet Nam|Socialist Republic of Vietnam|Vijetnam|Wietnam|Vietnam|Viêt Nam|Vietnam|Vietnam|Vietnam|Вьетнам
    VU	Vanuatu|Vanuatu|Vanuatu|Vanuatu|Vanuatu|Vanuatu|Vanuatu|Vanuatu|Вануату
    WF	Wallis and Futuna|Wallis i Futuna|Wallis i Futuna|Wallis und Futuna|Wallis-et-Futuna|Wallis y Futuna|Wallis e Futuna|Уоллис и Футуна
    WS	Samoa|Independent State of Samoa|Samoa|Samoa|Samoa|Samoa|Samoa|Samoa|Samoa|Самоа
    XK	Kosovo|Republic of Kosovo|Kosovo|Kosowo|Republika Kosowa|Kosovo|Kosovo|Kosovo|Kosovo|Kosova|Косово
    YE	Yemen|Republic of Yemen|Jemen|Jemen|Jemen|Yémen|Yemen|Yemen|Yemen|Йемен
    YT	Mayotte|Majot|Majotta|Mayotte|Mayotte|Mayotte|Mayotte|Майотта
    ZA	South Africa|Republic of South Africa|RSA|Južna Afrika|Južnoafrička Republika|JAR|Republika Południowej Afryki|RPA|Afryka Południowa|Südafrika|Afrique du Sud|Sudáfrica|Sudafrica|Güney Afrika|ЮАР|Южная Африка|Южно-Африканская Республика
    ZM	Zambia|Zambija|Zambia|Sambia|Zambie|Zambia|Zambia|Zambiya|Замбия
    ZW	Zimbabwe|Zimbabve|Zimbabwe|Simbabwe|Zimbabwe|Zimbabue|Zimbabwe|Zimbabve|Зимбабве
    """
}
