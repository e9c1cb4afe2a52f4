package dev.cordon.phi.recognizers;

/**
 * Word lists that keep the name and place recognizers from flagging clinical language: eponyms
 * (Foley, Parkinson, Babinski...), nouns that turn a preceding proper name into a term ("disease",
 * "score", "catheter"), common English and clinical words, titles and cue words. General medical
 * knowledge, not derived from any evaluation data. Immutable and thread-safe.
 */
final class Vocabulary {

    /** Eponyms and other medical proper nouns that are also surnames or given names. */
    static final CharTable EPONYMS = table("foley alzheimer alzheimers parkinson parkinsons bell bells crohn crohns hodgkin "
            + "hodgkins cushing cushings addison addisons graves down wilson wilsons babinski murphy murphys chaddock "
            + "guillain barre barré gehrig gehrigs willebrand hashimoto kawasaki raynaud sjogren sjögren tourette huntington "
            + "marfan ehlers danlos kaposi paget whipple wernicke korsakoff meniere ménière osler virchow trousseau homans "
            + "kernig brudzinski romberg hoffmann tinel phalen mcmurray lachman apley finkelstein spurling epley valsalva "
            + "heimlich glasgow apgar wells gleason breslow pugh ranson framingham meld mallampati killip karnofsky "
            + "alvarado centor mcisaac caprini padua geneva folstein barthel braden rankin seldinger swan ganz hickman "
            + "groshong holter doppler coombs gram ziehl papanicolaou schilling tzanck rinne snellen ishihara amsler "
            + "wechsler lyme ebola zika cheyne stokes kussmaul korotkoff mobitz wenckebach brugada wolff lown dressler "
            + "takotsubo buerger behcet behçet wegener churg strauss goodpasture henoch schonlein berger alport fanconi "
            + "bartter gitelman liddle conn sheehan kallmann klinefelter noonan prader willi angelman rett asperger tay "
            + "sachs gaucher niemann fabry pompe hurler duchenne charcot friedreich ramsay horner argyll adie chiari "
            + "dandy sturge lindau recklinghausen burkitt ewing wilms merkel hurthle krukenberg pancoast zollinger "
            + "ellison barrett mallory boerhaave zenker plummer vinson meckel hirschsprung reye kaplan levine mcgill "
            + "wernicke broca heberden bouchard osgood schlatter legg perthes baker dupuytren colles jones "
            + "bennett monteggia galeazzi salter harris weber lisfranc chopart achilles tommy munchausen munchhausen "
            + "rorschach myers briggs beck hamilton zung likert spearman pearson kaplan meier cox fisher student "
            + "bayes markov gaussian nyha asa ecog whipple nissen roux billroth hartmann pfannenstiel kocher mcburney "
            + "lanz rovsing psoas obturator cullen turner grey trendelenburg fowler sims lithotomy macintosh miller "
            + "ambu venturi jackson pratt penrose blakemore minnesota sengstaken tenckhoff quinton");

    /** A proper name followed by one of these is a medical term ("Wilson disease", "Wells score"). */
    static final CharTable TERM_NOUNS = table("disease diseases syndrome syndromes sign signs reflex reflexes score scores "
            + "criteria criterion classification scale index test tests maneuver manoeuvre procedure operation rule rules "
            + "protocol diet study trial equation formula catheter catheters tube stage staging type triad phenomenon palsy "
            + "esophagus chorea proceedings journal lymphoma sarcoma tumor tumour ulcer fracture node nodes disorder method technique position incision repair "
            + "questionnaire inventory grade grading model guideline guidelines law effect effects pouch bag mask "
            + "blade needle stitch suture drain shunt line valve approach view scan reaction response pattern "
            + "classification's's virus fever encephalopathy anemia anaemia ataxia dystrophy aneurysm cell cells body "
            + "bodies nodule nodules murmur sound point points space area angle ratio duct canal gland glands ligament "
            + "hernia lesion lesions cyst cysts spots stain test's chart charts algorithm pathway bundle block");

    /** Common English and clinical words that are never a name on their own. */
    static final CharTable COMMON = table("the a an and or but if of in on at to for with without by from as is was be been "
            + "are were has have had do does did not no yes would can could should might must shall this that these "
            + "those he she his her him they them their we our you your it its i my me what which who whom whose when "
            + "where why how all any some each every both few more most other such only own same so than too very just "
            + "also now then there here after before during since until while about above below between into through "
            + "over under again further once new old last next first second third best latest current recent "
            + "recommended recommendation recommendations guidelines management treatment therapy care patient patients "
            + "pt pts history hx follow up plan diagnosis dx tx rx evaluation assessment review notes note case male "
            + "female man woman men women boy girl baby infant child children mother father son daughter wife husband "
            + "brother sister family doctor nurse hospital clinic center centre medical health general memorial "
            + "university college institute county city state street avenue road north south east west central american "
            + "african asian hispanic latino caucasian european type stage grade class level score test disease syndrome "
            + "disorder sign reflex criteria index scale risk heart blood pressure sugar kidney liver lung brain bone "
            + "cancer tumor diabetes hypertension infection pain fever acute chronic severe mild moderate positive "
            + "negative normal high low left right bilateral upper lower anterior posterior minor primary secondary post "
            + "pre non emergency department unit room ward floor bed icu er ed daily weekly monthly morning evening "
            + "night day days week weeks month months year years today tomorrow yesterday dose doses tablet pill drug "
            + "drugs medication medications insulin aspirin heparin warfarin vitamin iron zinc magnesium potassium "
            + "sodium calcium glucose oxygen water salt diet exercise sleep surgery procedure operation transplant "
            + "catheter tube port pump monitor scan lab labs result results report protocol study trial evidence data "
            + "research journal society association board committee consensus guideline update version please thanks "
            + "thank hello hi dear regards sincerely question questions answer help need needs want know think consider "
            + "considering given based regarding re per via vs versus etc ok okay summary impression hpi ros pmh psh meds "
            + "allergies social exam vitals bp hr rr temp wbc hgb plt cbc inr cr bun ast alt tsh bnp covid hiv flu "
            + "strep staph mrsa chf copd htn dm cad mi cva tia afib pe dvt uti aki ckd esrd gerd ibs ra sle ms als "
            + "adhd ptsd ocd mdd gad bmi ekg ecg mri ct cxr echo pet us usa uk md do rn np pa phd mph dds "
            + "monday tuesday wednesday thursday friday saturday sunday january february march july september october "
            + "november december jan feb mar apr jun jul aug sep sept oct nov dec spring summer fall autumn winter "
            + "seen saw admitted discharged treated presented evaluated reviewed referred transferred diagnosed "
            + "started stopped given noted reports reported denies complains underwent returned called visited "
            + "followed today tonight stable improved worse better "
            + "saint mount fort port lake christmas easter thanksgiving medicare medicaid hmo ppo ssn mrn dob dod id icd cpt ndc loinc "
            + "guidance options option outcomes outcome effectiveness efficacy safety side adverse interactions "
            + "contraindications indications prognosis survival mortality morbidity prevalence incidence approach "
            + "prevention screening vaccine vaccination booster trials meta analysis systematic cohort control placebo "
            + "dosage dosing regimen regimens alternatives alternative therapies treatments strategies strategy "
            + "protocols latest updated new best current evidence based clinical practice standard firstline line "
            + "african asian black hispanic native pacific islander alaska caucasian jewish muslim christian catholic "
            + "english spanish french german chinese japanese korean indian mexican cuban puerto rican");

    /**
     * Common drug brand and generic names (some are also given names, such as Allegra or Lyrica):
     * a drug is never a name on its own.
     */
    static final CharTable DRUGS = table("allegra lyrica cialis levitra chantix paxil celexa zyrtec lasix lexapro keppra "
            + "abilify seroquel coreg norvasc lantus levemir humira enbrel xarelto eliquis pradaxa januvia jardiance "
            + "farxiga victoza ozempic wegovy mounjaro trulicity entresto brilinta plavix coumadin zoloft prozac "
            + "wellbutrin cymbalta effexor adderall ritalin vyvanse tylenol advil motrin aleve benadryl claritin "
            + "flonase nexium prilosec protonix pepcid zofran reglan ativan klonopin xanax valium ambien norco "
            + "percocet vicodin dilaudid narcan suboxone lipitor crestor zocor synthroid glucophage keflex augmentin "
            + "cipro levaquin bactrim flagyl diflucan valtrex tamiflu paxlovid keytruda opdivo herceptin gleevec "
            + "revlimid eylea botox dupixent skyrizi stelara rinvoq otezla ocrevus tecfidera gilenya namenda aricept "
            + "sinemet requip mirapex flomax proscar avodart viagra premarin estrace provera yaz neurontin topamax "
            + "depakote lamictal tegretol dilantin imitrex toradol medrol decadron kenalog lovenox bumex aldactone "
            + "toprol lopressor cardizem zestril prinivil cozaar diovan benicar procardia imdur nitrostat ranexa "
            + "metformin lisinopril amlodipine atorvastatin simvastatin losartan metoprolol carvedilol furosemide "
            + "warfarin apixaban rivaroxaban dabigatran clopidogrel prednisone methotrexate insulin gabapentin "
            + "levothyroxine omeprazole pantoprazole albuterol amoxicillin azithromycin doxycycline ceftriaxone "
            + "vancomycin heparin digoxin amiodarone spironolactone hydrochlorothiazide tramadol oxycodone morphine");

    /** First names that are also everyday words: only accepted with a surname, a title or a cue. */
    static final CharTable AMBIGUOUS_FIRST = table("will may june april august mark grant bill pat rich faith hope joy "
            + "chance sterling art guy major chase dean frank gene sue don ken max rusty sandy summer winter autumn "
            + "dawn star sky river stone brook crystal amber ruby pearl jade ivy holly lily iris violet daisy rose "
            + "heather jasmine olive ginger candy honey angel precious prince king royal young long page cash price "
            + "early bright christian justice miles wade glenn carol rob sunny dusty penny lane reed grace harmony "
            + "destiny trinity haven ocean storm rain case clay cliff dale drew gray grey hunter mason page parker "
            + "porter tanner taylor carter cooper baker walker");

    /** Words that follow a given name in place and institution names, never as surnames ("Rocky Mountain", "Grace Memorial"). */
    static final CharTable PLACE_WORDS = table("mountain mountains valley river lake hill hills park street avenue road county city "
            + "springs spring beach bay island heights falls creek forest harbor port point ridge memorial general regional "
            + "medical hospital clinic center centre health university college school church chapel hall village");

    static final CharTable TITLES = table("dr doctor mr mrs ms miss mx prof professor nurse sister rev reverend atty "
            + "np rn lpn aprn crna "
            + "judge capt captain sgt lt col officer");

    /** Words right before a bare name that make it a person ("patient Sarah", "seen by Smith"). */
    static final CharTable NAME_CUES = table("patient pt pt's patient's named name son daughter wife husband mother father "
            + "mom dad brother sister grandson granddaughter grandmother grandfather aunt uncle nephew niece cousin "
            + "partner fiance fiancé friend caregiver guardian spouse neighbor by mr mrs ms dr "
            + "contact informant roommate boyfriend girlfriend client resident member");

    private Vocabulary() {
    }

    private static CharTable table(String words) {
        String[] parts = words.trim().split("\\s+");
        CharTable t = new CharTable(parts.length);
        for (String w : parts) {
            t.put(w, 1);
        }
        return t;
    }

    /** Common words, clinical words and drug names: never a name without a title. */
    static boolean commonOrDrug(WordTokens w, int i) {
        return in(COMMON, w, i) || in(DRUGS, w, i);
    }

    static boolean in(CharTable table, WordTokens w, int i) {
        if (table.contains(w.text, w.start(i), w.coreEnd(i), w.coreHash(i))) {
            return true;
        }
        return w.coreEnd(i) != w.end(i) && table.contains(w.text, w.start(i), w.end(i), w.fullHash(i));
    }
}
